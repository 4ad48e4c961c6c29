#pragma once

class QQmlEngine;

/// Compiles and instantiates every QML file of the Attache module (pages, components,
/// delegates, dialogs and Main) and reports whether it did so without a single warning.
bool runSelfTest(QQmlEngine &engine);
