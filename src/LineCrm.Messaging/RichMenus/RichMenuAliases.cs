namespace LineCrm.Messaging.RichMenus;

/// <summary>
/// A rich menu alias: a stable name that <see cref="Messages.Actions.RichMenuSwitchAction"/> switches to, so tabs keep
/// working when the menu behind a name is replaced.
/// </summary>
/// <param name="RichMenuAliasId">The alias, 1 to 32 of <c>a-z 0-9 _ -</c>, unique per channel.</param>
/// <param name="RichMenuId">The rich menu it points at.</param>
public sealed record RichMenuAlias(string RichMenuAliasId, string RichMenuId);

/// <summary>Every rich menu alias of the channel (<c>getRichMenuAliasList</c>; LINE does not page it).</summary>
/// <param name="Aliases">The aliases.</param>
public sealed record RichMenuAliasListResponse(IReadOnlyList<RichMenuAlias> Aliases);

/// <summary>The body of <c>updateRichMenuAlias</c>.</summary>
/// <param name="RichMenuId">The rich menu the alias points at from now on.</param>
internal sealed record UpdateRichMenuAliasRequest(string RichMenuId);

/// <summary>The body of <c>linkRichMenuIdToUsers</c>.</summary>
/// <param name="RichMenuId">The menu.</param>
/// <param name="UserIds">1 to 500 user ids.</param>
internal sealed record RichMenuBulkLinkRequest(string RichMenuId, IReadOnlyList<string> UserIds);

/// <summary>The body of <c>unlinkRichMenuIdFromUsers</c>.</summary>
/// <param name="UserIds">1 to 500 user ids.</param>
internal sealed record RichMenuBulkUnlinkRequest(IReadOnlyList<string> UserIds);
