"""A handful of short releases written for these tests (no third-party text).

They cover what must survive a process boundary: ids (given and missing), a publication
date that anchors relative dates, a URL and a title, and every extracted field.
"""

from __future__ import annotations

SAMPLE_DOCS: list[dict] = [
    {"id": "water-1", "published": "2025-03-04", "url": "https://city.example/news/1", "title": "Water fund",
     "text": "Mayor Jane Holloway announced on Tuesday a KRW 12 billion fund for the Riverside Water Authority. "
             "The \"Clean Pipes Programme\" will replace 3,400 meters of pipe by June 2026."},
    {"id": None, "published": "2024-11-20",
     "text": "The Harbor Council said unemployment fell 2.5% last month. Deputy Mayor Tom Reyes thanked "
             "the Chamber of Commerce (COC) for its support of the \"Small Shop Relief Grant\"."},
    {"id": "transit-3", "published": None,
     "text": "Starting January 1, 2027, 450 electric buses will serve the Northern District, "
             "Transport Commissioner Ana Lima told reporters at City Hall."},
    {"id": "youth-4", "published": "2025-07-15",
     "text": "The city will hire 1,200 young people next week under the \"First Job Pledge\", "
             "backed by USD 3.5 million from the Metropolitan Employment Office."},
    {"id": None, "published": "2025-01-02",
     "text": "Councillor Mei Chen opened the third Innovation Week on Monday; 85 startups took part."},
    {"id": "empty-6", "published": "2025-05-05", "text": ""},
]
