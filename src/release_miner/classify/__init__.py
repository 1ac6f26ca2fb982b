"""Policy detection and classification into Busan's three outcome categories.

- `detect`: rule candidates (quotes, title-case names, policy-noun phrases, listed and bulleted items);
- `features`: what the learned models see of a candidate and of its context;
- `model`: the candidate filter + calibrated category classifier, saved/loaded with skops;
- `embeddings`: the shipped static text embedding both learned parts read (numpy only);
- `categories`: the keyword-rule classifier (baseline and fallback);
- `training`: training and grouped-by-release cross-validation;
- `data`: labelled spans (`corpus/policies/`) joined with the release texts;
- `component`: the spaCy factory ``release_policies``; `api`: classify phrases directly.
"""
