"""diplokg: a knowledge graph of diplomatic actors, forums and resolutions."""
__all__ = ["__version__"]
__version__ = "0.1.0"
