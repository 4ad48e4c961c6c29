import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Universal
import QtQuick.Layouts
import Attache
import Attache.App

// A short message at the bottom of the window, with Undo after a delete (its button, or
// Ctrl+Z while it shows). Announced to screen readers as it appears.
Pane {
    id: bar

    property string kind: ""
    property string recordId: ""
    property alias text: message.text

    function offerUndo(text, kind, recordId) {
        bar.kind = kind;
        bar.recordId = recordId;
        message.text = text;
        visible = true;
        timer.restart();
    }
    function undo() {
        Backend.restore(bar.kind, bar.recordId);
        bar.visible = false;
    }
    function showMessage(text) {
        bar.kind = "";
        bar.recordId = "";
        message.text = text;
        visible = true;
        timer.restart();
    }

    visible: false
    z: 10
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.text
    width: Math.min(parent ? parent.width - 2 * Style.margin : 400, 560)

    Timer {
        id: timer
        interval: 8000
        onTriggered: bar.visible = false
    }
    RowLayout {
        anchors.fill: parent
        Label {
            id: message
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }
        Button {
            objectName: "undoButton"
            visible: bar.recordId !== ""
            text: qsTr("Undo")
            flat: true
            Accessible.name: qsTr("Undo delete")
            onClicked: bar.undo()
        }
        Button {
            text: "✕"
            flat: true
            Accessible.name: qsTr("Close message")
            onClicked: bar.visible = false
        }
    }

    Shortcut {
        sequences: [StandardKey.Undo]
        enabled: bar.visible && bar.recordId !== ""
        onActivated: bar.undo()
    }
}
