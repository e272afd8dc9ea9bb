using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Personalization;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Segmentation.Members;

namespace LineCrm.Campaigns.Tests.Personalization;

public sealed class MessageTemplateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.FromHours(9));

    private static Identifier Line(int k) => Identifier.LineUser($"U{k:x32}");

    private static (MemberTable Members, PersonId Person) Aiko()
    {
        var members = new MemberTable();
        var aiko = members.Append(new Interaction(Line(1), T0, InteractionKind.FriendAdded));
        members.Append(new Interaction(Line(1), T0.AddDays(1), InteractionKind.PageViewed) { Target = "ceramic-mug" });
        members.Append(new Interaction(Line(1), T0.AddDays(3), InteractionKind.PageViewed) { Target = "drip-kettle" });
        members.Append(new Interaction(Line(1), T0.AddDays(2), InteractionKind.PageViewed) { Target = "tea-set" });
        members.SetAttribute(aiko, "name", "愛子");
        members.SetAttribute(aiko, "tier", "gold");
        return (members, aiko);
    }

    private static MemberFacts Facts(MemberTable members, PersonId person) => members.TryGetFacts(person, out var facts) ? facts : throw new InvalidOperationException();

    [Fact]
    public void The_name_the_last_viewed_product_and_an_attribute_come_from_the_persons_own_facts()
    {
        var (members, aiko) = Aiko();
        var template = new MessageTemplate([new TextMessage("{{name|お客様}}さん、{{lastViewed|新商品}}はいかがですか ({{attribute.tier|member}})")]);

        var rendered = template.Render(Facts(members, aiko));

        Assert.Equal("愛子さん、drip-kettleはいかがですか (gold)", Assert.IsType<TextMessage>(Assert.Single(rendered.Messages)).Text);
        Assert.False(rendered.UsedFallback);
        Assert.True(template.IsPersonal);
        Assert.Equal(["name", "lastViewed", "attribute.tier"], template.Fields);
    }

    [Fact]
    public void A_person_without_the_facts_gets_each_placeholders_fallback()
    {
        var members = new MemberTable();
        var nobody = members.Append(new Interaction(Line(2), T0, InteractionKind.FriendAdded));
        var template = new MessageTemplate([new TextMessage("{{name|お客様}}さん、{{lastViewed|新商品}}はいかがですか")]);

        Assert.Equal("お客様さん、新商品はいかがですか", ((TextMessage)template.Render(Facts(members, nobody)).Messages[0]).Text);
        Assert.Equal("お客様さん、新商品はいかがですか", ((TextMessage)template.Render(null).Messages[0]).Text);
    }

    [Fact]
    public void Placeholders_work_in_any_text_of_any_message_type_and_characters_json_escapes_survive()
    {
        var (members, aiko) = Aiko();
        members.SetAttribute(aiko, "name", "\"愛\\子\" 🍵");
        var flex = new FlexMessage("{{name|お客様}}さんへ", new FlexBubble { Body = new FlexBox("vertical", [new FlexText("{{lastViewed|新商品}}が入荷")]) });
        var template = new MessageTemplate([flex]);

        var rendered = Assert.IsType<FlexMessage>(Assert.Single(template.Render(Facts(members, aiko)).Messages));

        Assert.Equal("\"愛\\子\" 🍵さんへ", rendered.AltText);
        var body = ((FlexBubble)rendered.Contents).Body!;
        Assert.Equal("drip-kettleが入荷", Assert.IsType<FlexText>(Assert.Single(body.Contents)).Text);
    }

    [Fact]
    public void Persons_with_the_same_facts_get_the_same_json_so_they_can_share_a_multicast()
    {
        var members = new MemberTable();
        var a = members.Append(new Interaction(Line(3), T0, InteractionKind.PageViewed) { Target = "tea-set" });
        var b = members.Append(new Interaction(Line(4), T0, InteractionKind.PageViewed) { Target = "tea-set" });
        var c = members.Append(new Interaction(Line(5), T0, InteractionKind.PageViewed) { Target = "mug" });
        var template = new MessageTemplate([new TextMessage("{{lastViewed|新商品}}が入荷しました")]);

        var json = new[] { a, b, c }.Select(p => template.Render(Facts(members, p)).Json).ToArray();

        Assert.Equal(json[0], json[1]);
        Assert.NotEqual(json[0], json[2]);
        var plain = new MessageTemplate([new TextMessage("冬のセール")]);
        Assert.False(plain.IsPersonal);
        Assert.Same(plain.Render(Facts(members, a)), plain.Render(Facts(members, c)));
    }

    [Fact]
    public void A_persons_value_that_would_break_a_line_limit_gives_them_the_fallbacks_instead()
    {
        var (members, aiko) = Aiko();
        // A text of 4,800 characters after the name: a 256-character name (the longest attribute) passes LINE's 5,000.
        var body = new string('。', 4_800);
        members.SetAttribute(aiko, "name", new string('名', 256));
        var template = new MessageTemplate([new TextMessage("{{name|お客様}}" + body)]);

        var rendered = template.Render(Facts(members, aiko));

        Assert.True(rendered.UsedFallback);
        Assert.Equal("お客様" + body, ((TextMessage)rendered.Messages[0]).Text);
        members.SetAttribute(aiko, "name", new string('名', 200));
        Assert.False(template.Render(Facts(members, aiko)).UsedFallback);
    }

    [Theory]
    [InlineData("{{nickname|you}}", "names no member fact")]
    [InlineData("{{attribute.|you}}", "names no member fact")]
    [InlineData("{{name}}", "has no fallback")]
    public void A_bad_placeholder_fails_when_the_campaign_is_defined_naming_the_variant_and_the_field(string text, string says)
    {
        var error = Assert.Throws<ArgumentException>(() => new Campaign(
            new CampaignId("welcome"), "purchases.size() >= 0", [new CampaignVariant("warm", 1, [new TextMessage($"Hello {text}")])], "kind == \"purchased\""));

        Assert.Equal("variants", error.ParamName);
        Assert.Contains("variant 'warm'", error.Message, StringComparison.Ordinal);
        Assert.Contains("messages[0].text", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }
}
