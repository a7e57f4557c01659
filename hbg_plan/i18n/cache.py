"""Messages of the content-hash cache (`validate --cache-dir`, `hbg-plan cache clean`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "cache.unusable": {
        "en": "hbg-plan: cache {path} not used: {reason}",
        "sv": "hbg-plan: cachen {path} används inte: {reason}",
    },
    "cache.removed": {
        "en": "Removed the cache {path}",
        "sv": "Tog bort cachen {path}",
    },
    "cache.none": {
        "en": "No cache at {path}",
        "sv": "Ingen cache i {path}",
    },
    "cache.not_a_cache": {
        "en": "{path} is not removed: it is not an hbg-plan cache folder (no CACHEDIR.TAG, or a symlink)",
        "sv": "{path} tas inte bort: det är ingen cachemapp för hbg-plan (ingen CACHEDIR.TAG, eller en symbolisk länk)",
    },
    "cache.clean_failed": {
        "en": "the cache {path} could not be removed: {reason}",
        "sv": "cachen {path} kunde inte tas bort: {reason}",
    },
}
