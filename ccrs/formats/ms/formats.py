# Malay as the platform writes it (settings.FORMAT_MODULE_PATH): a 24-hour clock like the other languages
# ("10 Mei 2026, 09:00"), over Django's "10 Mei 2026, 9 pagi".
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
