using System.Text.Json.Serialization;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages.Actions;

namespace LineCrm.Messaging.RichMenus;

/// <summary>A rich menu's size in pixels: 800 to 2,500 wide, at least 250 high, at least 1.45 times as wide as high.</summary>
/// <param name="Width">Width in pixels (800 to 2,500).</param>
/// <param name="Height">Height in pixels (250 or more).</param>
public sealed record RichMenuSize(int Width, int Height)
{
    /// <summary>The full-height menu LINE's own templates use, 2500 × 1686.</summary>
    public static RichMenuSize Large { get; } = new(2500, 1686);

    /// <summary>The half-height menu LINE's own templates use, 2500 × 843.</summary>
    public static RichMenuSize Compact { get; } = new(2500, 843);
}

/// <summary>One tappable area of a rich menu.</summary>
/// <param name="Bounds">Where it is, in pixels of the menu's image; it must lie inside the menu.</param>
/// <param name="Action">What a tap does (postback, message, URI, rich menu switch, …).</param>
public sealed record RichMenuArea(RichMenuAreaBounds Bounds, LineAction Action);

/// <summary>
/// A rich menu to create (<c>createRichMenu</c>) or validate (<c>validateRichMenuObject</c>). Checked against LINE's
/// documented limits before it is sent (see <see cref="RichMenuLimits"/>); an upload of its image follows creation.
/// </summary>
/// <param name="Size">The menu's size; the image uploaded later must have the same size.</param>
/// <param name="Selected">True to show the menu opened when the chat opens.</param>
/// <param name="Name">A name for managing menus, never shown to users (at most 300 characters).</param>
/// <param name="ChatBarText">The text on the chat bar that opens and closes the menu (at most 14 characters).</param>
/// <param name="Areas">The tappable areas (at most 20).</param>
public sealed record RichMenuRequest(
    RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

/// <summary>A rich menu as LINE stores it (<c>getRichMenu</c>, <c>getRichMenuList</c>).</summary>
/// <param name="RichMenuId">Its id.</param>
/// <param name="Size">Its size.</param>
/// <param name="Selected">True when it is shown opened.</param>
/// <param name="Name">Its name.</param>
/// <param name="ChatBarText">Its chat bar text.</param>
/// <param name="Areas">Its tappable areas.</param>
public sealed record RichMenuResponse(
    string RichMenuId, RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

/// <summary>A rich menu id in LINE's answer (<c>createRichMenu</c>, <c>getDefaultRichMenuId</c>, <c>getRichMenuIdOfUser</c>).</summary>
/// <param name="RichMenuId">The id.</param>
public sealed record RichMenuIdResponse(string RichMenuId);

/// <summary>Every rich menu of the channel created through the Messaging API (<c>getRichMenuList</c>; LINE does not page it).</summary>
/// <param name="RichMenus">The menus.</param>
public sealed record RichMenuListResponse([property: JsonPropertyName("richmenus")] IReadOnlyList<RichMenuResponse> RichMenus);
