using LineCrm.Segmentation.Identity;

namespace LineCrm.Samples.Analysis.Steps;

/// <summary>
/// The outcome of identity resolution: the identity graph itself (the member table is built through it), how many
/// persons the input's identifiers make, and how they were decided.
/// </summary>
internal sealed record ResolvedPersons(IdentityGraph Graph, int Count, string Method);
