import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Several values from a list: the chosen ones as removable chips; for long lists (countries)
// a box to find and add one.
ColumnLayout {
    id: root

    property var options: []
    property var selected: []
    property bool searchable: false
    property string accessibleName: ""
    signal changed(var values)

    function labelOf(value) {
        for (let i = 0; i < options.length; ++i) {
            if (options[i].value === value)
                return options[i].label;
        }
        return value;
    }
    function toggle(value, on) {
        const values = (selected || []).slice();
        const at = values.indexOf(value);
        if (on && at < 0)
            values.push(value);
        if (!on && at >= 0)
            values.splice(at, 1);
        root.changed(values);
    }

    Flow {
        visible: root.searchable
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: root.searchable ? root.selected : []
            delegate: Button {
                required property string modelData
                text: root.labelOf(modelData) + "  ✕"
                Accessible.name: qsTr("Remove %1").arg(root.labelOf(modelData))
                onClicked: root.toggle(modelData, false)
            }
        }
    }
    ComboBox {
        visible: root.searchable
        model: root.searchable ? [{ value: "", label: qsTr("Add…") }].concat(root.options) : []
        textRole: "label"
        valueRole: "value"
        Accessible.name: qsTr("Add to %1").arg(root.accessibleName)
        Layout.fillWidth: true
        onActivated: {
            if (currentValue !== "")
                root.toggle(currentValue, true);
            currentIndex = 0;
        }
    }
    Flow {
        visible: !root.searchable
        spacing: 0
        Layout.fillWidth: true
        Repeater {
            model: root.searchable ? [] : root.options
            delegate: CheckBox {
                required property var modelData
                text: modelData.label
                checked: (root.selected || []).indexOf(modelData.value) >= 0
                Accessible.name: modelData.label
                onToggled: root.toggle(modelData.value, checked)
            }
        }
    }
}
