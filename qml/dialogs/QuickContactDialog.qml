import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Attache
import Attache.App

// At a trade-fair booth: a contact saved in a few taps, only the name required, with a photo
// of the business card; the rest is filled in later from the contact's full recordForm.
Dialog {
    id: dialog

    property string missionId: ""
    /// Set when the camera could not be used here: the file picker remains.
    property bool noCamera: false
    /// Why: "no_video_input" (Qt Multimedia loaded, no camera found) or "no_multimedia" (the
    /// capture component could not load).
    property string cameraProblem: ""
    signal saved(string message)

    title: qsTr("Quick contact")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 480, 480)
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onOpened: {
        recordForm.recordId = "";
        recordForm.attachmentPath = "";
        recordForm.reload();
    }

    RecordForm {
        id: recordForm
        backend: Backend
        preferences: Preferences
        kind: "contact"
        missionId: dialog.missionId
        only: ["full_name", "organisation", "title", "phones", "emails"]
        onSaved: {
            dialog.saved(qsTr("Contact saved"));
            dialog.close();
        }
    }

    contentItem: ColumnLayout {
        spacing: Style.spacing
        Repeater {
            model: recordForm
            delegate: FormField {
                form: recordForm
                Layout.fillWidth: true
            }
        }
        RowLayout {
            Button {
                objectName: "photoFileButton"
                text: qsTr("Business card photo…")
                enabled: dialog.missionId !== ""
                Accessible.name: qsTr("Attach a photo of the business card")
                onClicked: fileDialog.open()
            }
            Button {
                objectName: "cameraButton"
                // Hidden once a try found no camera (or no Qt Multimedia) on this device.
                visible: !dialog.noCamera
                text: qsTr("Take a photo…")
                enabled: dialog.missionId !== ""
                Accessible.name: qsTr("Take a photo of the business card")
                onClicked: camera.active = true
            }
            Label {
                text: recordForm.attachmentPath !== "" ? recordForm.attachmentPath.split("/").pop()
                      : dialog.missionId === "" ? qsTr("Open a mission to attach a photo") : ""
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
        Label {
            id: cameraMessage
            objectName: "cameraMessage"
            visible: text !== ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        Label {
            text: recordForm.errorText
            visible: text !== ""
            color: Style.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: recordForm.saving ? qsTr("Saving…") : qsTr("Save contact")
            highlighted: true
            enabled: !recordForm.saving
            Layout.fillWidth: true
            onClicked: recordForm.save()
        }
    }

    // Qt Multimedia is optional at run time: the camera dialog is loaded by URL only when the
    // user asks for it (starting the multimedia backend costs time and threads), and a failed
    // load, or a device without a camera, only hides the camera button with a word of why.
    Loader {
        id: camera
        objectName: "cameraLoader"
        active: false
        source: Qt.resolvedUrl("CameraDialog.qml")
        onStatusChanged: {
            if (status === Loader.Error) {
                dialog.cameraUnavailable("no_multimedia");
            } else if (status === Loader.Ready) {
                if (item.available)
                    item.open();
                else
                    dialog.cameraUnavailable("no_video_input");
            }
        }
    }
    function cameraUnavailable(problem) {
        camera.active = false;
        noCamera = true;
        cameraProblem = problem;
        cameraMessage.text = problem === "no_video_input"
            ? qsTr("No camera found on this device: choose a photo file instead.")
            : qsTr("The camera cannot be used in this version of the app: choose a photo file instead.");
    }
    Connections {
        target: camera.item
        ignoreUnknownSignals: true
        function onCaptured(path) {
            recordForm.attachmentPath = path;
        }
        function onClosed() {
            camera.active = false;
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Photo of the business card")
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.heic)")]
        onAccepted: recordForm.attachmentPath = selectedFile
    }
}
