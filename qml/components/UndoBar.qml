import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Universal
import QtQuick.Layouts
import Attache
import Attache.App

// A short message at the bottom of the window, with Undo after a delete.
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
    function showMessage(text) {
        bar.kind = "";
        bar.recordId = "";
        message.text = text;
        visible = true;
        timer.restart();
    }

    visible: false
    z: 10
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
            visible: bar.recordId !== ""
            text: qsTr("Undo")
            flat: true
            Accessible.name: qsTr("Undo delete")
            onClicked: {
                Backend.restore(bar.kind, bar.recordId);
                bar.visible = false;
            }
        }
        Button {
            text: "✕"
            flat: true
            Accessible.name: qsTr("Close message")
            onClicked: bar.visible = false
        }
    }
}
