import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// Picks one record (multiple: false) or several (multiple: true) among many, such as a
// mission's contacts: the chosen ones as removable chips, a search box, and the matches as the
// user types (accent-insensitive, filtered in C++ by ChoiceFilter).
ColumnLayout {
    id: root

    property var options: []
    /// multiple: a list of ids; single: one id ("" none).
    property var selected: multiple ? [] : ""
    property bool multiple: false
    property string accessibleName: ""
    signal changed(var values)

    readonly property var chosen: multiple ? (selected || []) : (selected ? [selected] : [])

    function labelOf(value) {
        // Reads filter.options, so that a binding showing a label is evaluated again when the
        // options arrive: a record's values can come before its picker's options, and the
        // chips then named every contact "(not on this device)" for good.
        const label = filter.options.length > 0 ? filter.labelOf(value) : "";
        return label !== "" ? label : qsTr("(not on this device)");
    }
    function pick(value) {
        if (multiple) {
            const values = chosen.slice();
            if (values.indexOf(value) < 0)
                values.push(value);
            root.changed(values);
        } else {
            root.changed(value);
        }
        search.text = "";
    }
    function unpick(value) {
        if (multiple)
            root.changed(chosen.filter(v => v !== value));
        else
            root.changed("");
    }

    spacing: 4

    ChoiceFilter {
        id: filter
        options: root.options
        query: search.text
        exclude: root.chosen
        limit: 8
    }

    Flow {
        visible: root.chosen.length > 0
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: root.chosen
            delegate: Button {
                id: chip
                required property string modelData
                objectName: "chosen_" + modelData
                text: root.labelOf(modelData) + "  ✕"
                // Names come from others: never read as rich text.
                contentItem: Label {
                    text: chip.text
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                }
                Accessible.name: qsTr("Remove %1").arg(root.labelOf(modelData))
                onClicked: root.unpick(modelData)
            }
        }
    }
    TextField {
        id: search
        objectName: "pickerSearch"
        visible: root.multiple || root.chosen.length === 0
        placeholderText: root.options.length > 0 ? qsTr("Type a name to find it") : qsTr("Nothing to choose from in this mission yet")
        enabled: root.options.length > 0
        Accessible.name: qsTr("Find: %1").arg(root.accessibleName)
        Layout.fillWidth: true
        Keys.onReturnPressed: if (filter.count > 0) root.pick(filter.valueAt(0))
    }
    Repeater {
        model: search.activeFocus || search.text !== "" ? filter : null
        delegate: ItemDelegate {
            id: match
            required property string value
            required property string label
            objectName: "match_" + value
            contentItem: Label {
                text: match.text
                textFormat: Text.PlainText
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }
            focusPolicy: Qt.NoFocus // the list stays open while it is clicked
            text: label
            Accessible.name: label
            Layout.fillWidth: true
            onClicked: root.pick(value)
        }
    }
}
