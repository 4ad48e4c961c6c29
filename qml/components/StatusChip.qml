import QtQuick
import QtQuick.Controls

// A record's status as a small coloured label.
Label {
    id: chip

    property string status: ""
    property string statusLabel: ""

    visible: statusLabel !== ""
    text: statusLabel
    font.pixelSize: 12
    padding: 4
    leftPadding: 8
    rightPadding: 8
    color: "white"
    background: Rectangle {
        radius: height / 2
        color: {
            switch (chip.status) {
            case "planned": case "open": case "interested": case "under_negotiation": return "#607d8b";
            case "under_way": case "in_progress": case "committed": return "#1976d2";
            case "returned": return "#f57c00";
            case "report_filed": return "#7b1fa2";
            case "report_approved": case "done": case "signed": case "licensed": case "approved":
            case "in_implementation": return "#2e7d32";
            default: return "#757575";
            }
        }
    }
}
