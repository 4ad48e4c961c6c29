import QtQuick
import QtQuick.Controls

// What an empty list says, centred.
Label {
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    wrapMode: Text.Wrap
    textFormat: Text.PlainText // it may repeat what was typed (search)
    opacity: 0.7
    padding: 24
}
