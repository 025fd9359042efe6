DATE_FORMAT = r"j \d\e F \d\e Y"
SHORT_DATE_FORMAT = "j M Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
