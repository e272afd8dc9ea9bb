namespace LineCrm.Segmentation.Identity;

/// <summary>One change record: the calls one save of an <see cref="IdentityGraphJournal"/> made durable, in the journal's format.</summary>
/// <param name="Sequence">Its number: one more than the record before it, or than the snapshot's.</param>
/// <param name="Data">Its bytes, which the journal checks when it reads them back.</param>
public sealed record IdentityGraphChangeRecord(long Sequence, ReadOnlyMemory<byte> Data);
