import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// Always visible: online or offline, what waits to be sent, when the device last synced, the
// progress of a running sync, and an error in plain words. A click syncs now, or, when the
// device is not signed in (or must sign in again), asks for the sign-in: what there is to do.
AbstractButton {
    id: indicator
    objectName: "syncIndicator"

    readonly property int pending: Backend.pendingCount
    property bool compact: false
    readonly property string stateText: {
        if (Sync.serverUrl === "" || !Sync.signedIn)
            return pending > 0 ? qsTr("Not signed in · %n change(s) kept on this device", "", pending)
                               : qsTr("Not signed in · working offline");
        if (Sync.syncing)
            return Sync.progressTotal > 0 ? qsTr("%1 %2/%3").arg(Sync.phase).arg(Sync.progressDone).arg(Sync.progressTotal)
                                          : Sync.phase;
        if (!Sync.online)
            return pending > 0 ? qsTr("Offline · %n change(s) waiting", "", pending)
                               : qsTr("Offline · all saved on this device");
        if (Sync.errorText !== "")
            return Sync.errorText;
        if (pending > 0)
            return qsTr("%n change(s) waiting", "", pending);
        return Sync.lastSyncedAt > 0
            ? qsTr("Synced %1").arg((Preferences.revision, Preferences.formatTimestamp(Sync.lastSyncedAt)))
            : qsTr("Online");
    }
    readonly property color dotColor: !Sync.signedIn ? "#9e9e9e"
        : Sync.syncing ? "#1976d2"
        : Sync.errorText !== "" ? "#d32f2f"
        : !Sync.online ? "#f57c00"
        : pending > 0 ? "#f57c00" : "#2e7d32"

    Accessible.role: Accessible.Button
    Accessible.name: stateText
    ToolTip.visible: hovered
    readonly property bool needsSignIn: !Sync.signedIn || Sync.errorAction === "sign_in"
    signal signInRequested()

    ToolTip.text: needsSignIn ? qsTr("%1 — click to sign in").arg(stateText)
                              : qsTr("%1 — click to sync now").arg(stateText)
    Accessible.description: needsSignIn ? qsTr("Opens the sign-in") : qsTr("Syncs now")
    onClicked: needsSignIn ? signInRequested() : Sync.syncNow()

    contentItem: RowLayout {
        spacing: 4
        BusyIndicator {
            running: Sync.syncing
            visible: running
            Layout.preferredWidth: 20
            Layout.preferredHeight: 20
        }
        Rectangle {
            visible: !Sync.syncing
            width: 10
            height: 10
            radius: 5
            color: indicator.dotColor
        }
        Label {
            objectName: "syncIndicatorText"
            text: indicator.compact ? (indicator.pending > 0 ? "" + indicator.pending : "") : indicator.stateText
            textFormat: Text.PlainText
            font.pixelSize: 12
            elide: Label.ElideRight
            Layout.maximumWidth: 300
        }
    }
}
