import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Attache

// Takes a photo of a business card with the device's camera (Qt Multimedia). Loaded only on
// demand, through a Loader, so that the app runs on a machine without Qt Multimedia or without
// a camera: `available` is false there and the file picker remains.
Dialog {
    id: dialog

    readonly property bool available: devices.videoInputs.length > 0
    signal captured(string path)

    title: qsTr("Photo of the business card")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 32, 640) : 480
    height: parent ? Math.min(parent.height - 32, 640) : 480

    MediaDevices {
        id: devices
    }
    CaptureSession {
        camera: Camera {
            active: dialog.visible && dialog.available
        }
        imageCapture: ImageCapture {
            id: capture
            onImageSaved: (requestId, path) => {
                dialog.captured(path);
                dialog.close();
            }
            onErrorOccurred: (requestId, error, message) => errorLabel.text = message
        }
        videoOutput: viewfinder
    }

    contentItem: ColumnLayout {
        VideoOutput {
            id: viewfinder
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        Label {
            id: errorLabel
            visible: text !== ""
            textFormat: Text.PlainText
            color: Style.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Take the photo")
            enabled: capture.readyForCapture
            highlighted: true
            onClicked: capture.captureToFile("")
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
