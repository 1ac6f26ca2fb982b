"""Policy detection and classification into Busan's three outcome categories."""
