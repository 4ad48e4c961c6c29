#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "attache.app")
