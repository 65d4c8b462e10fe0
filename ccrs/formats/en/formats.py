# English as the platform writes it (settings.FORMAT_MODULE_PATH) for an Asia-Pacific program: day before month
# and a 24-hour clock ("10 May 2026, 09:00"), not Django's American "May 10, 2026, 9 a.m.". Numbers stay Django's.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
