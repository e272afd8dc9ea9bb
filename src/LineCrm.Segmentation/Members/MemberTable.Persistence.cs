using LineCrm.Identity;
using LineCrm.Segmentation.Members.Files;

namespace LineCrm.Segmentation.Members;

/// <remarks>This part: saving the table to a stream and loading it back.</remarks>
public sealed partial class MemberTable
{
    /// <summary>The version of the file format <see cref="Save"/> writes; <see cref="Load"/> reads it and every earlier one.</summary>
    public const int FileFormatVersion = MemberTableFormat.FormatVersion;

    /// <summary>
    /// Writes every live person's facts to <paramref name="destination"/>: the magic bytes <c>LCMEMBER</c>, the format
    /// version, then one section per column, each framed by its length and checked by an XxHash3 of its bytes.
    /// The stream need not be seekable; nothing is buffered beyond 64 KiB.
    /// </summary>
    /// <remarks>
    /// Saving reads the whole table: call it on the writer's thread or between writes, like <see cref="TryGetFacts"/>.
    /// Persons merged away or forgotten are not written, and the others' rows are renumbered in table order, so
    /// a <c>MemberSet</c> of this table does not apply to the loaded one: keep sets across days as person ids
    /// (<c>MemberSet.ToPersonSet()</c>). Attribute values and custom string values no person holds any more are not
    /// written. Custom facts are written with their declarations, so the loaded table has the same <see cref="Schema"/>.
    /// </remarks>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">Checked before each section; a cancelled save leaves a partial file in the stream, which <see cref="Load"/> refuses.</param>
    /// <exception cref="ArgumentException">The stream cannot be written to.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public void Save(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        MemberTableSaver.Save(this, destination, cancellationToken);
    }

    /// <summary>
    /// Reads a table that <see cref="Save"/> wrote. Each section's length is checked against what the stream can
    /// hold before anything is allocated, each section's hash before its bytes are used, and then every count, id
    /// and time against the others, so a damaged or foreign file ends in <see cref="InvalidDataException"/> naming
    /// what is wrong, never in a table that fails later.
    /// </summary>
    /// <param name="source">A readable stream positioned at the start of the file; it is read to its end.</param>
    /// <param name="resolver">
    /// Resolves the identifiers of events appended after loading: the one the table was kept with, loaded beside it
    /// (the identity graph from its snapshot, or <see cref="IdentifierKeyedPersonResolver.Load"/>), so that an
    /// identifier keeps its person. A fresh resolver would number persons from 1 again, over the loaded ones.
    /// </param>
    /// <param name="cancellationToken">Checked before each section and before the table is built; a cancelled load returns nothing.</param>
    /// <returns>
    /// The loaded table, at <see cref="Version"/> 0, with the <see cref="Schema"/> the file declares (compile segments
    /// with it, or check it with <see cref="FactSchema.DeclaresSameFactsAs"/>). A version 1 file has the built-in facts only.
    /// Version 1 and 2 files kept amounts as doubles: each loads as the decimal it prints as, which must be a whole
    /// number of ten-thousandths; they kept no purchase campaigns and no link times.
    /// </returns>
    /// <exception cref="InvalidDataException">The stream is not a member table file, is of a later version, is
    /// truncated, does not match its hashes, or contradicts itself (an older file's amount that does not convert
    /// exactly included).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MemberTable Load(Stream source, IPersonResolver resolver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(resolver);
        var table = new MemberTable(resolver);
        MemberTableLoader.Load(source, table, cancellationToken);
        return table;
    }

    /// <summary>Takes the identifier types and the person index of loaded columns.</summary>
    internal void AdoptLoaded(IReadOnlyList<IdentifierType> identifierTypes, Dictionary<long, int> rowOfPerson)
    {
        _identifierTypes.AddRange(identifierTypes);
        _rowOfPerson = rowOfPerson;
    }
}
