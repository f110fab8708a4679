"""The Textual side of AssetLoom: screens and widgets that talk only to the repository."""
