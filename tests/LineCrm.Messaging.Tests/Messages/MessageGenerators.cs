using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Messages.Imagemap;
using LineCrm.Messaging.Messages.Templates;

namespace LineCrm.Messaging.Tests.Messages;

/// <summary>FsCheck generators of message trees of every kind, with awkward strings (quotes, emoji, control characters).</summary>
internal static class MessageGenerators
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("hello", "こんにちは", "quote \" and \\ backslash", "emoji 🍣 $", "line\nbreak", "<tag>&amp;", "\u0001"),
        ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get));

    // Lists are drawn with their length first. Filtering a free list by its length instead ("Where count <= 4") makes
    // FsCheck retry at ever larger sizes, and with nesting the retries multiply: a rare seed then runs for hours.
    private static Gen<List<T>> ListOf<T>(Gen<T> item, int min, int max) =>
        Gen.Choose(min, max).SelectMany(count => item.ListOf(count)).Select(list => list.ToList());

    private static readonly Gen<string?> OptionalText = Gen.OneOf(Gen.Constant<string?>(null), Text.Select(s => (string?)s));

    private static readonly Gen<LineAction> Action = Gen.OneOf(
        from label in OptionalText
        from data in Text
        from display in OptionalText
        from option in Gen.Elements<string?>(null, "openKeyboard", "closeRichMenu")
        select (LineAction)new PostbackAction(label, data) { DisplayText = display, InputOption = option },
        from label in OptionalText from text in Text select (LineAction)new MessageAction(label, text),
        from label in OptionalText from desktop in OptionalText select (LineAction)new UriAction(label, "https://example.com") { AltUri = desktop is null ? null : new AltUri(desktop) },
        from label in OptionalText from mode in Gen.Elements("date", "time", "datetime") select (LineAction)new DatetimePickerAction(label, "d", mode) { Initial = "2026-11-23" },
        Text.Select(label => (LineAction)new CameraAction(label)),
        Text.Select(label => (LineAction)new CameraRollAction(label)),
        Text.Select(label => (LineAction)new LocationAction(label)),
        from label in OptionalText select (LineAction)new RichMenuSwitchAction(label, "alias", "data"),
        from label in OptionalText from text in Text select (LineAction)new ClipboardAction(label, text));

    private static readonly Gen<QuickReply?> QuickReplies = Gen.OneOf(
        Gen.Constant<QuickReply?>(null),
        ListOf(Action, 1, 13).Select(list => (QuickReply?)QuickReply.Of(list)));

    private static Gen<FlexComponent> Component(int depth)
    {
        var leaves = Gen.OneOf(
            from text in Text from wrap in Gen.Elements<bool?>(null, true, false) select (FlexComponent)new FlexText(text) { Wrap = wrap, Size = "md" },
            Text.Select(text => (FlexComponent)new FlexText(null) { Contents = [new FlexSpan(text) { Weight = "bold" }] }),
            Action.Select(action => (FlexComponent)new FlexButton(action) { Style = "link" }),
            Gen.Constant((FlexComponent)new FlexImage("https://example.com/i.png") { AspectRatio = "1:1" }),
            Gen.Constant((FlexComponent)new FlexIcon("https://example.com/i.png")),
            Gen.Constant((FlexComponent)new FlexSeparator()),
            Gen.Constant((FlexComponent)new FlexFiller { Flex = 2 }));
        if (depth == 0)
        {
            return leaves;
        }

        var box = from layout in Gen.Elements("horizontal", "vertical", "baseline")
                  from contents in ListOf(Component(depth - 1), 0, 4)
                  from gradient in Gen.Elements(true, false)
                  select (FlexComponent)new FlexBox(layout, [.. contents])
                  {
                      Background = gradient ? new FlexLinearGradient("0deg", "#000000", "#ffffff") : null,
                  };
        return Gen.OneOf(leaves, box);
    }

    private static readonly Gen<FlexBubble> Bubble =
        from body in Component(2)
        from size in Gen.Elements<string?>(null, "kilo", "giga")
        select new FlexBubble { Size = size, Body = body as FlexBox ?? new FlexBox("vertical", [body]) };

    private static readonly Gen<Message> Kind = Gen.OneOf(
        Text.Select(text => (Message)new TextMessage(text)),
        Text.Select(text => (Message)new TextMessageV2("{a}" + text) { Substitution = new Dictionary<string, Substitution> { ["a"] = MentionSubstitution.All() } }),
        Gen.Constant((Message)new StickerMessage("1", "2")),
        Gen.Constant((Message)new ImageMessage("https://e.com/o.jpg", "https://e.com/p.jpg")),
        Gen.Constant((Message)new VideoMessage("https://e.com/o.mp4", "https://e.com/p.jpg")),
        ArbMap.Default.GeneratorFor<PositiveInt>().Select(ms => (Message)new AudioMessage("https://e.com/a.m4a", ms.Get)),
        from title in Text from lat in Gen.Choose(-90, 90) select (Message)new LocationMessage(title, "address", lat / 3.0, 139.7),
        Gen.Constant((Message)new CouponMessage("c-1")),
        from alt in Text from action in Action select (Message)new TemplateMessage(alt, new ButtonsTemplate("pick", [action]) { Title = "t" }),
        from alt in Text from a in Action from b in Action select (Message)new TemplateMessage(alt, new ConfirmTemplate("sure?", [a, b])),
        from alt in Text from action in Action select (Message)new TemplateMessage(alt, new ImageCarouselTemplate([new ImageCarouselColumn("https://e.com/i.jpg", action)])),
        from alt in Text select (Message)new ImagemapMessage("https://e.com/m", alt, new ImagemapBaseSize(1040, 700), [new MessageImagemapAction("hi", new ImagemapArea(0, 0, 10, 10))]),
        from alt in Text from bubble in Bubble select (Message)new FlexMessage(alt, bubble),
        from alt in Text from bubbles in ListOf(Bubble, 1, 3) select (Message)new FlexMessage(alt, new FlexCarousel([.. bubbles])));

    /// <summary>A message of any kind, sometimes with quick replies and a sender.</summary>
    public static readonly Gen<Message> Messages =
        from message in Kind
        from quickReply in QuickReplies
        from sender in Gen.Elements<Sender?>(null, new Sender("Cony"), new Sender(IconUrl: "https://e.com/i.png"))
        select message with { QuickReply = quickReply, Sender = sender };
}
