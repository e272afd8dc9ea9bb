using System.Text.Json;
using LineCrm.Messaging.Messages.Actions;

namespace LineCrm.Messaging.Serialization;

/// <summary>Reads and writes <see cref="LineAction"/> by its <c>type</c>; unknown types become <see cref="UnknownAction"/>.</summary>
internal sealed class ActionJsonConverter() : DiscriminatedJsonConverter<LineAction>(Types)
{
    private static readonly KeyValuePair<string, Type>[] Types =
    [
        new("postback", typeof(PostbackAction)),
        new("message", typeof(MessageAction)),
        new("uri", typeof(UriAction)),
        new("datetimepicker", typeof(DatetimePickerAction)),
        new("camera", typeof(CameraAction)),
        new("cameraRoll", typeof(CameraRollAction)),
        new("location", typeof(LocationAction)),
        new("richmenuswitch", typeof(RichMenuSwitchAction)),
        new("clipboard", typeof(ClipboardAction)),
    ];

    protected override LineAction CreateUnknown(JsonElement json) => new UnknownAction(json);
}
