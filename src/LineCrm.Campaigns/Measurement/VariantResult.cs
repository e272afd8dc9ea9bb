namespace LineCrm.Campaigns.Measurement;

/// <summary>One variant of a campaign against its own share of the holdout.</summary>
/// <param name="Name">The variant's name.</param>
/// <param name="Report">The measured effect; null when the variant's treatment or holdout share is empty (see <see cref="Treated"/> and <see cref="HeldOut"/>).</param>
/// <param name="Treated">The persons assigned the variant.</param>
/// <param name="HeldOut">The held-out persons who would have been sent it.</param>
/// <param name="Messaged">The variant's messages that reached LINE.</param>
public sealed record VariantResult(string Name, UpliftReport? Report, long Treated, long HeldOut, long Messaged);
