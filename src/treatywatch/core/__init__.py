"""The pure core: no Django import anywhere below this package."""
