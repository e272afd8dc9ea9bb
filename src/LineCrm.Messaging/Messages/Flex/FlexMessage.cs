using System.Text.Json.Serialization;

namespace LineCrm.Messaging.Messages.Flex;

/// <summary>
/// A flex message: a bubble or a carousel of bubbles laid out with boxes, texts, images and buttons. The model
/// follows LINE's JSON one to one, so a flex message written in C# reads like its JSON:
/// <code>
/// new FlexMessage("Your receipt", new FlexBubble
/// {
///     Body = new FlexBox("vertical", [new FlexText("Thank you!") { Weight = "bold", Size = "xl" }]),
/// });
/// </code>
/// Sizes, margins and offsets are LINE's keywords (<c>md</c>, <c>xl</c>) or pixel and percent strings (<c>12px</c>, <c>50%</c>).
/// </summary>
/// <param name="AltText">Shown in notifications and chat lists, 1 to 400 characters.</param>
/// <param name="Contents">A <see cref="FlexBubble"/> or <see cref="FlexCarousel"/>.</param>
public sealed record FlexMessage(string AltText, FlexContainer Contents) : Message
{
    /// <inheritdoc />
    [JsonPropertyOrder(-100)]
    public override string Type => "flex";
}
