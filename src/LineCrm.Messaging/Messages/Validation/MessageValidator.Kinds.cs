using System.Globalization;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;

namespace LineCrm.Messaging.Messages.Validation;

/// <summary>The documented limits of each message kind other than text.</summary>
internal static partial class MessageValidator
{
    private const int MaxUrl = 2000;

    private static void ValidateOther(Message message, string path)
    {
        switch (message)
        {
            case TextMessageV2 text:
                LineLimits.Length(text.Text, $"{path}.text", 1, 5000);
                LineLimits.MaxCount(text.Substitution?.Keys.ToArray(), $"{path}.substitution", 100);
                break;
            case StickerMessage sticker:
                LineLimits.Length(sticker.PackageId, $"{path}.packageId", 1, 100);
                LineLimits.Length(sticker.StickerId, $"{path}.stickerId", 1, 100);
                break;
            case ImageMessage image:
                LineLimits.Length(image.OriginalContentUrl, $"{path}.originalContentUrl", 1, MaxUrl);
                LineLimits.Length(image.PreviewImageUrl, $"{path}.previewImageUrl", 1, MaxUrl);
                break;
            case VideoMessage video:
                LineLimits.Length(video.OriginalContentUrl, $"{path}.originalContentUrl", 1, MaxUrl);
                LineLimits.Length(video.PreviewImageUrl, $"{path}.previewImageUrl", 1, MaxUrl);
                LineLimits.MaxLength(video.TrackingId, $"{path}.trackingId", 100);
                break;
            case AudioMessage audio:
                LineLimits.Length(audio.OriginalContentUrl, $"{path}.originalContentUrl", 1, MaxUrl);
                LineLimits.Range(audio.Duration, $"{path}.duration", 1, long.MaxValue);
                break;
            case LocationMessage location:
                LineLimits.Length(location.Title, $"{path}.title", 1, 100);
                LineLimits.Length(location.Address, $"{path}.address", 1, 100);
                Degrees(location.Latitude, $"{path}.latitude", 90);
                Degrees(location.Longitude, $"{path}.longitude", 180);
                break;
            case CouponMessage coupon:
                LineLimits.Length(coupon.CouponId, $"{path}.couponId", 1, 100);
                LineLimits.MaxLength(coupon.DeliveryTag, $"{path}.deliveryTag", 30);
                break;
            case ImagemapMessage imagemap:
                ValidateImagemap(imagemap, path);
                break;
            case TemplateMessage template:
                LineLimits.Length(template.AltText, $"{path}.altText", 1, 400);
                ValidateTemplate(template.Template, $"{path}.template");
                break;
            case FlexMessage flex:
                LineLimits.Length(flex.AltText, $"{path}.altText", 1, 400);
                ValidateFlex(flex.Contents, $"{path}.contents");
                break;
        }
    }

    private static void Degrees(double value, string path, double limit)
    {
        if (double.IsNaN(value) || value < -limit || value > limit)
        {
            throw LineLimits.Violation(path, $"must be between {-limit} and {limit}", $"is {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ValidateImagemap(ImagemapMessage imagemap, string path)
    {
        LineLimits.Length(imagemap.BaseUrl, $"{path}.baseUrl", 1, MaxUrl);
        LineLimits.Length(imagemap.AltText, $"{path}.altText", 1, 400);
        LineLimits.Required(imagemap.BaseSize, $"{path}.baseSize");
        LineLimits.Range(imagemap.BaseSize.Width, $"{path}.baseSize.width", 1040, 1040);
        LineLimits.Range(imagemap.BaseSize.Height, $"{path}.baseSize.height", 1, 2080);
        LineLimits.Count(imagemap.Actions, $"{path}.actions", imagemap.Video is null ? 1 : 0, 50);
        for (var i = 0; i < imagemap.Actions.Count; i++)
        {
            var actionPath = $"{path}.actions[{i}]";
            var action = imagemap.Actions[i];
            LineLimits.Required(action, actionPath);
            LineLimits.MaxLength(action.Label, $"{actionPath}.label", 100);
            switch (action)
            {
                case UriImagemapAction uri:
                    LineLimits.Length(uri.LinkUri, $"{actionPath}.linkUri", 1, 1000);
                    break;
                case MessageImagemapAction message:
                    LineLimits.Length(message.Text, $"{actionPath}.text", 1, 400);
                    break;
                case ClipboardImagemapAction clipboard:
                    LineLimits.Length(clipboard.ClipboardText, $"{actionPath}.clipboardText", 1, 1000);
                    break;
            }
        }

        if (imagemap.Video is { } video)
        {
            LineLimits.Length(video.OriginalContentUrl, $"{path}.video.originalContentUrl", 1, MaxUrl);
            LineLimits.Length(video.PreviewImageUrl, $"{path}.video.previewImageUrl", 1, MaxUrl);
            if (video.ExternalLink is { } link)
            {
                LineLimits.Length(link.LinkUri, $"{path}.video.externalLink.linkUri", 1, 1000);
                LineLimits.Length(link.Label, $"{path}.video.externalLink.label", 1, 30);
            }
        }
    }

    private static void ValidateTemplate(Template? template, string path)
    {
        LineLimits.Required(template, path);
        switch (template)
        {
            case ButtonsTemplate buttons:
                var hasHeader = buttons.ThumbnailImageUrl is not null || buttons.Title is not null;
                LineLimits.Length(buttons.Text, $"{path}.text", 1, hasHeader ? 60 : 160);
                LineLimits.MaxLength(buttons.Title, $"{path}.title", 40);
                LineLimits.MaxLength(buttons.ThumbnailImageUrl, $"{path}.thumbnailImageUrl", MaxUrl);
                Actions(buttons.Actions, $"{path}.actions", 1, 4, labelMax: 20);
                if (buttons.DefaultAction is not null)
                {
                    ValidateAction(buttons.DefaultAction, $"{path}.defaultAction");
                }

                break;
            case ConfirmTemplate confirm:
                LineLimits.Length(confirm.Text, $"{path}.text", 1, 240);
                Actions(confirm.Actions, $"{path}.actions", 2, 2, labelMax: 20);
                break;
            case CarouselTemplate carousel:
                LineLimits.Count(carousel.Columns, $"{path}.columns", 1, 10);
                for (var i = 0; i < carousel.Columns.Count; i++)
                {
                    var column = carousel.Columns[i];
                    var columnPath = $"{path}.columns[{i}]";
                    LineLimits.Required(column, columnPath);
                    var columnHeader = column.ThumbnailImageUrl is not null || column.Title is not null;
                    LineLimits.Length(column.Text, $"{columnPath}.text", 1, columnHeader ? 60 : 120);
                    LineLimits.MaxLength(column.Title, $"{columnPath}.title", 40);
                    LineLimits.MaxLength(column.ThumbnailImageUrl, $"{columnPath}.thumbnailImageUrl", MaxUrl);
                    Actions(column.Actions, $"{columnPath}.actions", 1, 3, labelMax: 20);
                    if (column.Actions.Count != carousel.Columns[0].Actions.Count)
                    {
                        throw LineLimits.Violation(
                            $"{columnPath}.actions",
                            $"must have as many items as columns[0].actions ({carousel.Columns[0].Actions.Count})",
                            $"has {column.Actions.Count}");
                    }
                }

                break;
            case ImageCarouselTemplate images:
                LineLimits.Count(images.Columns, $"{path}.columns", 1, 10);
                for (var i = 0; i < images.Columns.Count; i++)
                {
                    LineLimits.Required(images.Columns[i], $"{path}.columns[{i}]");
                    LineLimits.Length(images.Columns[i].ImageUrl, $"{path}.columns[{i}].imageUrl", 1, MaxUrl);
                    ValidateAction(images.Columns[i].Action, $"{path}.columns[{i}].action", labelMax: 12);
                }

                break;
        }
    }

    private static void Actions(IReadOnlyList<Actions.LineAction>? actions, string path, int min, int max, int labelMax)
    {
        LineLimits.Count(actions, path, min, max);
        for (var i = 0; i < actions!.Count; i++)
        {
            ValidateAction(actions[i], $"{path}[{i}]", labelMax);
        }
    }

    private static void ValidateFlex(FlexContainer? container, string path)
    {
        LineLimits.Required(container, path);
        switch (container)
        {
            case FlexCarousel carousel:
                LineLimits.Count(carousel.Contents, $"{path}.contents", 1, 12);
                for (var i = 0; i < carousel.Contents.Count; i++)
                {
                    ValidateBubble(carousel.Contents[i], $"{path}.contents[{i}]");
                }

                break;
            case FlexBubble bubble:
                ValidateBubble(bubble, path);
                break;
        }
    }

    private static void ValidateBubble(FlexBubble? bubble, string path)
    {
        LineLimits.Required(bubble, path);
        ValidateComponent(bubble!.Header, $"{path}.header");
        ValidateComponent(bubble.Hero, $"{path}.hero");
        ValidateComponent(bubble.Body, $"{path}.body");
        ValidateComponent(bubble.Footer, $"{path}.footer");
        if (bubble.Action is not null)
        {
            ValidateAction(bubble.Action, $"{path}.action", labelMax: 40);
        }
    }

    private static void ValidateComponent(FlexComponent? component, string path)
    {
        switch (component)
        {
            case FlexBox box:
                LineLimits.Required(box.Contents, $"{path}.contents");
                for (var i = 0; i < box.Contents.Count; i++)
                {
                    LineLimits.Required(box.Contents[i], $"{path}.contents[{i}]");
                    ValidateComponent(box.Contents[i], $"{path}.contents[{i}]");
                }

                OptionalAction(box.Action, $"{path}.action");
                break;
            case FlexButton button:
                ValidateAction(button.Action, $"{path}.action", labelMax: 40);
                break;
            case FlexImage image:
                LineLimits.Length(image.Url, $"{path}.url", 1, MaxUrl);
                OptionalAction(image.Action, $"{path}.action");
                break;
            case FlexVideo video:
                LineLimits.Length(video.Url, $"{path}.url", 1, MaxUrl);
                LineLimits.Length(video.PreviewUrl, $"{path}.previewUrl", 1, MaxUrl);
                LineLimits.Required(video.AltContent, $"{path}.altContent");
                ValidateComponent(video.AltContent, $"{path}.altContent");
                OptionalAction(video.Action, $"{path}.action");
                break;
            case FlexIcon icon:
                LineLimits.Length(icon.Url, $"{path}.url", 1, MaxUrl);
                break;
            case FlexText text:
                if (text.Text is null && (text.Contents is null || text.Contents.Count == 0))
                {
                    throw LineLimits.Violation($"{path}.text", "is required when there are no contents", "is missing");
                }

                OptionalAction(text.Action, $"{path}.action");
                break;
        }
    }

    private static void OptionalAction(Actions.LineAction? action, string path)
    {
        if (action is not null)
        {
            ValidateAction(action, path, labelMax: 40);
        }
    }
}
