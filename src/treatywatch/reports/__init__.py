"""Progress reports and State factsheets: the pledge's figures with the evidence behind them."""
