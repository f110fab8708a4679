"""Reusable widgets for AssetLoom screens."""
