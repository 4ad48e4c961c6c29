#pragma once

#include "result.h"

namespace attache {

class Store;

/// Fills an empty store with a small, realistic department: Sở Ngoại vụ Hà Tĩnh, its officials,
/// three missions (Japan, Korea, Laos) with meetings, MoUs, contacts, leads and follow-ups.
/// For trying the product and for the README's run command; tests build their own fixtures.
Result<void> loadDemoData(Store &store);

} // namespace attache
