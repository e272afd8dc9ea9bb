using LineCrm.Identity;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// Finds the site member that an account link's nonce was issued for: the lookup (and, usually, the one-time
/// redemption) of the nonce your site made before it sent the user to LINE's account-link dialog.
/// </summary>
/// <param name="accountLink">A successful account link with a LINE user id; read its <see cref="AccountLinkEvent.Nonce"/>.</param>
/// <param name="cancellationToken">Cancels the lookup.</param>
/// <returns>The member's identifier (for example <see cref="Identifier.WebMember(string)"/>), or null when the nonce is unknown, used or expired.</returns>
public delegate ValueTask<Identifier?> AccountLinkMemberResolver(AccountLinkEvent accountLink, CancellationToken cancellationToken);
