import QtQuick
import QtQuick.Controls
import Attache

// The desktop's right-hand side before a mission is chosen.
Page {
    title: qsTr("Welcome")
    EmptyState {
        anchors.fill: parent
        text: qsTr("Choose a mission on the left, or create one.")
    }
}
