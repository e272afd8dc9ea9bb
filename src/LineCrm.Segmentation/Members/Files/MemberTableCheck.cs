using System.Globalization;
using LineCrm.Identity;
using static LineCrm.Segmentation.Members.Files.MemberTableFormat;

namespace LineCrm.Segmentation.Members.Files;

/// <summary>
/// Checks a read member table file against itself before anything is built from it: every column has one value
/// per person or per element, counts add up, ids point into their pools, times are times, and nothing the table
/// keeps unique repeats. Compiled segments index arrays with these values without checking, so this is where a
/// bad file has to stop. An older file's amounts (doubles) are converted here to the units the table keeps, since
/// whether each converts exactly is one more check.
/// </summary>
internal sealed class MemberTableCheck(LoadedFile file)
{
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    private readonly LoadedFile _f = file;

    /// <summary>Each person's row, built while the ids are checked to be unique (after <see cref="All"/>).</summary>
    public Dictionary<long, int> RowOfPerson { get; private set; } = [];

    public void All()
    {
        Pools();
        Members();
        var purchases = Nested(_f.PurchaseCounts, _f.PurchaseAt.Length, Section.PurchaseCounts);
        Purchases(purchases);
        var interactions = Nested(_f.InteractionCounts, _f.InteractionAt.Length, Section.InteractionCounts);
        Interactions(interactions);
        Tags();
        Attributes();
    }

    private void Pools()
    {
        Unique(_f.Currencies, Section.Currencies);
        Unique(_f.Channels, Section.Channels);
        Unique(_f.Stores, Section.Stores);
        Unique(_f.Categories, Section.Categories);
        Unique(_f.InteractionKinds, Section.InteractionKinds);
        Unique(_f.Campaigns, Section.Campaigns);
        Unique(_f.Targets, Section.Targets);
        Unique(_f.TagNames, Section.TagNames);
        Unique(_f.AttributeKeys, Section.AttributeKeys);
        Unique(_f.AttributeValues, Section.AttributeValues);
        Unique(_f.IdentifierTypes, Section.IdentifierTypes);
        if (_f.IdentifierTypes.Count > MemberTable.MaxIdentifierTypes)
        {
            Fail($"{_f.IdentifierTypes.Count} identifier types, more than the {MemberTable.MaxIdentifierTypes} a table tells apart");
        }

        for (var i = 0; i < _f.LineUserIds.Count; i++)
        {
            if (!IdentifierType.LineUser.IsNormalizedValue(_f.LineUserIds[i]))
            {
                Fail($"value {i} of LineUserIds is not a LINE user id");
            }
        }

        foreach (var name in _f.IdentifierTypes)
        {
            try
            {
                _ = IdentifierType.FromName(name);
            }
            catch (ArgumentException e)
            {
                Fail($"the identifier type '{name}' is not valid ({e.Message})");
            }
        }
    }

    private void Members()
    {
        var n = _f.PersonIds.Length;
        Length(_f.FriendAddedAt.Length, n, Section.FriendAddedAt);
        Length(_f.FriendStateAt.Length, n, Section.FriendStateAt);
        Length(_f.LastClickAt.Length, n, Section.LastClickAt);
        Length(_f.LinkedTypes.Length, n, Section.LinkedTypes);
        Length(_f.LineUser.Length, n, Section.LineUser);
        Length(_f.TotalSpend.Length, n, Section.TotalSpend);
        Length(_f.FirstPurchaseAt.Length, n, Section.FirstPurchaseAt);
        Length(_f.LastPurchaseAt.Length, n, Section.LastPurchaseAt);
        Length(_f.LinkedAt.Length, n, Section.LinkedAt);
        Length(_f.Blocked.Length, Bits.WordsFor(n), Section.Blocked);
        Length(_f.PurchaseCounts.Length, n, Section.PurchaseCounts);
        Length(_f.InteractionCounts.Length, n, Section.InteractionCounts);

        var rowOfPerson = new Dictionary<long, int>(n);
        var typeMask = _f.IdentifierTypes.Count == 32 ? -1 : (1 << _f.IdentifierTypes.Count) - 1;
        for (var row = 0; row < n; row++)
        {
            if (_f.PersonIds[row] <= 0 || !rowOfPerson.TryAdd(_f.PersonIds[row], row))
            {
                Fail($"person {row} has the id {_f.PersonIds[row]}, which is not positive or repeats");
            }

            Time(_f.FriendAddedAt[row], Section.FriendAddedAt, row);
            Time(_f.LastClickAt[row], Section.LastClickAt, row);
            Time(_f.FirstPurchaseAt[row], Section.FirstPurchaseAt, row);
            Time(_f.LastPurchaseAt[row], Section.LastPurchaseAt, row);
            Time(_f.LinkedAt[row], Section.LinkedAt, row);
            if (_f.FriendStateAt[row] != long.MinValue)
            {
                Time(_f.FriendStateAt[row], Section.FriendStateAt, row);
            }

            if ((_f.LinkedTypes[row] & ~typeMask) != 0)
            {
                Fail($"person {row} is linked to identifier types the file does not name");
            }

            Id(_f.LineUser[row], _f.LineUserIds.Count, optional: true, Section.LineUser, row);
            if (!double.IsFinite(_f.TotalSpend[row]))
            {
                Fail($"person {row} has a total spend of {_f.TotalSpend[row]}");
            }
        }

        TrailingBitsClear(_f.Blocked, n, Section.Blocked, 0);
        RowOfPerson = rowOfPerson;
    }

    private static long Nested(int[] counts, int elements, Section section)
    {
        long total = 0;
        for (var row = 0; row < counts.Length; row++)
        {
            if (counts[row] < 0)
            {
                Fail($"person {row} has {counts[row]} elements in {Name(section)}");
            }

            total += counts[row];
        }

        if (total != elements)
        {
            Fail($"the {Name(section)} add up to {total} elements but the columns hold {elements}");
        }

        return total;
    }

    private void Purchases(long m)
    {
        // Every long is an amount (ten-thousandths), so exact amounts need only their count; an earlier version's
        // doubles must each convert exactly, and become the units the table keeps.
        _f.PurchaseAmountUnits ??= AmountUnitsOf(_f.PurchaseAmount!, m);
        Length(_f.PurchaseAmountUnits.Length, m, Section.PurchaseAmountUnits);
        Length(_f.PurchaseCurrency.Length, m, Section.PurchaseCurrency);
        Length(_f.PurchaseChannel.Length, m, Section.PurchaseChannel);
        Length(_f.PurchaseStore.Length, m, Section.PurchaseStore);
        Length(_f.PurchaseCampaign.Length, m, Section.PurchaseCampaign);
        Length(_f.PurchaseCategoryCount.Length, m, Section.PurchaseCategoryCount);
        long categories = 0;
        for (var i = 0; i < m; i++)
        {
            Time(_f.PurchaseAt[i], Section.PurchaseAt, i);
            Id(_f.PurchaseCurrency[i], _f.Currencies.Count, optional: false, Section.PurchaseCurrency, i);
            Id(_f.PurchaseChannel[i], _f.Channels.Count, optional: false, Section.PurchaseChannel, i);
            Id(_f.PurchaseStore[i], _f.Stores.Count, optional: true, Section.PurchaseStore, i);
            Id(_f.PurchaseCampaign[i], _f.Campaigns.Count, optional: true, Section.PurchaseCampaign, i);
            if (_f.PurchaseCategoryCount[i] < 0)
            {
                Fail($"purchase {i} has {_f.PurchaseCategoryCount[i]} categories");
            }

            categories += _f.PurchaseCategoryCount[i];
        }

        Length(_f.PurchaseCategoryIds.Length, categories, Section.PurchaseCategoryIds);
        for (var i = 0; i < _f.PurchaseCategoryIds.Length; i++)
        {
            Id(_f.PurchaseCategoryIds[i], _f.Categories.Count, optional: false, Section.PurchaseCategoryIds, i);
        }
    }

    private static long[] AmountUnitsOf(double[] amounts, long m)
    {
        Length(amounts.Length, m, Section.PurchaseAmount);
        var units = new long[amounts.Length];
        for (var i = 0; i < amounts.Length; i++)
        {
            if (MoneyUnits.TryFromDouble(amounts[i], out units[i]) is { } problem)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"purchase {i} has the amount {amounts[i]:R} in {Name(Section.PurchaseAmount)}, which {problem}"));
            }
        }

        return units;
    }

    private void Interactions(long m)
    {
        Length(_f.InteractionKind.Length, m, Section.InteractionKind);
        Length(_f.InteractionCampaign.Length, m, Section.InteractionCampaign);
        Length(_f.InteractionTarget.Length, m, Section.InteractionTarget);
        for (var i = 0; i < m; i++)
        {
            Time(_f.InteractionAt[i], Section.InteractionAt, i);
            Id(_f.InteractionKind[i], _f.InteractionKinds.Count, optional: false, Section.InteractionKind, i);
            Id(_f.InteractionCampaign[i], _f.Campaigns.Count, optional: true, Section.InteractionCampaign, i);
            Id(_f.InteractionTarget[i], _f.Targets.Count, optional: true, Section.InteractionTarget, i);
        }
    }

    private void Tags()
    {
        var words = Bits.WordsFor(_f.PersonIds.Length);
        Length(_f.TagBits.Length, (long)words * _f.TagNames.Count, Section.TagBits);
        for (var tag = 0; tag < _f.TagNames.Count; tag++)
        {
            TrailingBitsClear(_f.TagBits, _f.PersonIds.Length, Section.TagBits, tag * words);
        }
    }

    private void Attributes()
    {
        var entries = _f.AttributeRows.Length;
        Length(_f.AttributeKeyIds.Length, entries, Section.AttributeKeyIds);
        Length(_f.AttributeValueIds.Length, entries, Section.AttributeValueIds);
        var seen = new HashSet<(int, int)>(entries);
        for (var i = 0; i < entries; i++)
        {
            Id(_f.AttributeRows[i], _f.PersonIds.Length, optional: false, Section.AttributeRows, i);
            Id(_f.AttributeKeyIds[i], _f.AttributeKeys.Count, optional: false, Section.AttributeKeyIds, i);
            Id(_f.AttributeValueIds[i], _f.AttributeValues.Count, optional: false, Section.AttributeValueIds, i);
            if (!seen.Add((_f.AttributeRows[i], _f.AttributeKeyIds[i])))
            {
                Fail($"attribute entry {i} gives person {_f.AttributeRows[i]} a second value for one key");
            }
        }
    }

    private static void Unique(List<string> values, Section section)
    {
        var seen = new HashSet<string>(values.Count, StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                Fail($"'{value}' appears twice in {Name(section)}");
            }
        }
    }

    private static void Length(long actual, long expected, Section section)
    {
        if (actual != expected)
        {
            Fail($"{Name(section)} holds {actual} values where {expected} are expected");
        }
    }

    private static void Time(long ticks, Section section, int index)
    {
        if (ticks < 0 || ticks > MaxTicks)
        {
            Fail($"value {index} of {Name(section)} is {ticks}, which is not a time");
        }
    }

    private static void Id(int id, int count, bool optional, Section section, int index)
    {
        if (id >= count || id < (optional ? StringPool.None : 0))
        {
            Fail($"value {index} of {Name(section)} is {id}, outside 0 to {count - 1}");
        }
    }

    private static void TrailingBitsClear(ulong[] bits, int rows, Section section, int offset)
    {
        if (rows % 64 != 0 && (bits[offset + (rows >> 6)] >> (rows & 63)) != 0)
        {
            Fail($"{Name(section)} sets bits past the last person");
        }
    }

    private static void Fail(string problem) => throw ColumnFile.Inconsistent(What, problem);

    private static string Name(Section section) => MemberTableLoader.Name(section);
}
