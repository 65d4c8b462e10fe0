# Vietnamese as the platform writes it (settings.FORMAT_MODULE_PATH), over Django's `vi` formats: one date style
# on every page ("1 tháng 7, 2026", CLDR's long date) instead of "Ngày 01 tháng 7 năm 2026" beside "2026-07-01",
# and numbers grouped by thousands, which Django's `vi` leaves out.
DATE_FORMAT = r"j \t\h\á\n\g n, Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"H:i, j \t\h\á\n\g n, Y"
YEAR_MONTH_FORMAT = r"\t\h\á\n\g n, Y"
MONTH_DAY_FORMAT = r"j \t\h\á\n\g n"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
