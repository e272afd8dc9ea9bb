using LineCrm.Identity;
using static LineCrm.Segmentation.Members.Files.MemberTableFormat;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// Reads a file <see cref="MemberTableSaver"/> wrote into an empty table. Every section is read and its hash checked
/// first; then every count, id and time is checked against the others (a file can be whole and still wrong: written
/// by another program, or edited); only then is the table filled. Anything wrong is an
/// <see cref="InvalidDataException"/> and the table stays empty.
/// </summary>
internal static class MemberTableLoader
{
    public static void Load(Stream source, MemberTable table, CancellationToken cancellationToken)
    {
        var reader = ColumnFileReader.Open(source, Magic, What, OldestVersion, FormatVersion, cancellationToken);

        var file = Read(reader);
        var custom = reader.Version >= 2 ? CustomFactsFile.Read(reader) : null;
        ReadVersion3(reader, file);
        reader.ReadEnd();
        var check = new MemberTableCheck(file);
        check.All();
        var customColumns = custom is null ? null : CustomFactsFile.Build(custom, file.PersonIds.Length);
        cancellationToken.ThrowIfCancellationRequested();
        Fill(file, check.RowOfPerson, table);
        if (customColumns is not null)
        {
            table.AdoptLoaded(customColumns);
        }
    }

    private static LoadedFile Read(ColumnFileReader r)
    {
        List<string> Strings(Section s) => r.ReadStrings((int)s, Name(s));
        T[] Column<T>(Section s)
            where T : unmanaged => r.ReadColumn<T>((int)s, Name(s));

        return new LoadedFile
        {
            IdentifierTypes = Strings(Section.IdentifierTypes),
            Currencies = Strings(Section.Currencies),
            Channels = Strings(Section.Channels),
            Stores = Strings(Section.Stores),
            Categories = Strings(Section.Categories),
            InteractionKinds = Strings(Section.InteractionKinds),
            Campaigns = Strings(Section.Campaigns),
            Targets = Strings(Section.Targets),
            TagNames = Strings(Section.TagNames),
            AttributeKeys = Strings(Section.AttributeKeys),
            AttributeValues = Strings(Section.AttributeValues),
            LineUserIds = Strings(Section.LineUserIds),
            PersonIds = Column<long>(Section.PersonIds),
            FriendAddedAt = Column<long>(Section.FriendAddedAt),
            FriendStateAt = Column<long>(Section.FriendStateAt),
            LastClickAt = Column<long>(Section.LastClickAt),
            LinkedTypes = Column<int>(Section.LinkedTypes),
            LineUser = Column<int>(Section.LineUser),
            TotalSpend = Column<double>(Section.TotalSpend),
            FirstPurchaseAt = Column<long>(Section.FirstPurchaseAt),
            LastPurchaseAt = Column<long>(Section.LastPurchaseAt),
            Blocked = Column<ulong>(Section.Blocked),
            PurchaseCounts = Column<int>(Section.PurchaseCounts),
            PurchaseAt = Column<long>(Section.PurchaseAt),
            PurchaseAmount = r.Version < ExactAmountsVersion ? Column<double>(Section.PurchaseAmount) : null,
            PurchaseCurrency = Column<int>(Section.PurchaseCurrency),
            PurchaseChannel = Column<int>(Section.PurchaseChannel),
            PurchaseStore = Column<int>(Section.PurchaseStore),
            PurchaseCategoryCount = Column<int>(Section.PurchaseCategoryCount),
            PurchaseCategoryIds = Column<int>(Section.PurchaseCategoryIds),
            InteractionCounts = Column<int>(Section.InteractionCounts),
            InteractionAt = Column<long>(Section.InteractionAt),
            InteractionKind = Column<int>(Section.InteractionKind),
            InteractionCampaign = Column<int>(Section.InteractionCampaign),
            InteractionTarget = Column<int>(Section.InteractionTarget),
            TagBits = Column<ulong>(Section.TagBits),
            AttributeRows = Column<int>(Section.AttributeRows),
            AttributeKeyIds = Column<int>(Section.AttributeKeyIds),
            AttributeValueIds = Column<int>(Section.AttributeValueIds),
        };
    }

    /// <summary>Reads what version 3 adds; for an earlier file, no purchase has a campaign and no person a link time.</summary>
    private static void ReadVersion3(ColumnFileReader r, LoadedFile f)
    {
        if (r.Version >= ExactAmountsVersion)
        {
            f.PurchaseAmountUnits = r.ReadColumn<long>((int)Section.PurchaseAmountUnits, Name(Section.PurchaseAmountUnits));
            f.PurchaseCampaign = r.ReadColumn<int>((int)Section.PurchaseCampaign, Name(Section.PurchaseCampaign));
            f.LinkedAt = r.ReadColumn<long>((int)Section.LinkedAt, Name(Section.LinkedAt));
            return;
        }

        f.PurchaseCampaign = new int[f.PurchaseAt.Length];
        Array.Fill(f.PurchaseCampaign, StringPool.None);
        f.LinkedAt = new long[f.PersonIds.Length];
        Array.Fill(f.LinkedAt, MemberColumns.Never);
    }

    private static void Fill(LoadedFile f, Dictionary<long, int> rowOfPerson, MemberTable table)
    {
        var n = f.PersonIds.Length;
        var lineUserIds = new string?[n];
        for (var row = 0; row < n; row++)
        {
            lineUserIds[row] = f.LineUser[row] == StringPool.None ? null : f.LineUserIds[f.LineUser[row]];
        }

        LoadPool(table.Currencies, f.Currencies, Section.Currencies);
        LoadPool(table.Channels, f.Channels, Section.Channels);
        LoadPool(table.Stores, f.Stores, Section.Stores);
        LoadPool(table.Categories, f.Categories, Section.Categories);
        LoadPool(table.InteractionKinds, f.InteractionKinds, Section.InteractionKinds);
        LoadPool(table.Campaigns, f.Campaigns, Section.Campaigns);
        LoadPool(table.Targets, f.Targets, Section.Targets);
        LoadPool(table.Tags.Names, f.TagNames, Section.TagNames);
        LoadPool(table.Attributes.Keys, f.AttributeKeys, Section.AttributeKeys);
        LoadPool(table.Attributes.Values, f.AttributeValues, Section.AttributeValues);

        table.Columns.Load(f.PersonIds, f.FriendAddedAt, f.FriendStateAt, f.LastClickAt, f.LinkedTypes, lineUserIds,
            f.TotalSpend, f.FirstPurchaseAt, f.LastPurchaseAt, f.LinkedAt, f.Blocked);
        table.Purchases.Load(f.PurchaseCounts, f.PurchaseAt, f.PurchaseAmountUnits!, f.PurchaseCurrency, f.PurchaseChannel,
            f.PurchaseStore, f.PurchaseCampaign, f.PurchaseCategoryCount, f.PurchaseCategoryIds);
        table.Interactions.Load(f.InteractionCounts, f.InteractionAt, f.InteractionKind, f.InteractionCampaign, f.InteractionTarget);
        var words = Bits.WordsFor(n);
        table.Tags.Load(Enumerable.Range(0, f.TagNames.Count).Select(id => f.TagBits.AsSpan(id * words, words).ToArray()));
        table.Attributes.Load(n, f.AttributeRows, f.AttributeKeyIds, f.AttributeValueIds);
        table.AdoptLoaded([.. f.IdentifierTypes.Select(IdentifierType.FromName)], rowOfPerson);
    }

    private static void LoadPool(StringPool pool, List<string> values, Section section)
    {
        // Check has already refused duplicates; a failure here is a bug, not damage.
        if (!pool.TryLoad(values))
        {
            throw new InvalidOperationException($"The {Name(section)} pool could not be loaded.");
        }
    }

    internal static string Name(Section section) => section.ToString();
}
