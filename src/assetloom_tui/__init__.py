"""AssetLoom TUI: a keyboard-driven software-license seat desk."""

__version__ = "0.1.0"
