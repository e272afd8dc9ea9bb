using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// What is known about each person, in columns: friend state, last click, linked identifier types and when
/// they linked, tags and custom attributes, and every purchase and interaction in flat arrays with a region per
/// person. Segments compile against these columns, and the metrics read them (<c>OrderTable.FromMembers</c>,
/// <c>FriendTable.FromMembers</c>). Events are appended one at a time or in bulk; nothing is ever rebuilt.
/// </summary>
/// <remarks>
/// <para>
/// Identifiers on events are resolved to persons by an <see cref="IPersonResolver"/> (the identity graph, or
/// <see cref="IdentifierKeyedPersonResolver"/> for data keyed by one identifier). When the identity graph merges
/// two persons, call <see cref="MergePersons"/> with the absorbed and the surviving person so the facts follow;
/// <see cref="IdentityGraphPersonResolver"/> does both: it resolves through the graph and applies links to the
/// graph and the table together.
/// </para>
/// <para>
/// One writer, many readers. Writes (<c>Append</c>, <see cref="SetTag"/>, <see cref="SetAttribute"/>,
/// <see cref="MergePersons"/>, <see cref="Compact"/>) must come from one thread at a time; they are not
/// synchronised with each other. Segment evaluations (<c>Segment.Evaluate</c>, <c>Segment.Includes</c>) may
/// run on any number of threads at once, at the same or different <c>now</c>s, also while the writer writes:
/// each reads one <see cref="Version"/> throughout, the one before a write or the one after it, never half of
/// one. A write changes the arrays in place, so an evaluation that a write overlapped is run again on the newer
/// version; one that had to run again makes the writer's next write wait until it is done, so a stream of
/// appends delays an evaluation by at most one more run. Other reads (<see cref="TryGetFacts"/>,
/// <see cref="Persons"/>, enumerating a member set) read the table as it is and belong on the writer's thread or
/// between writes. Do not evaluate a segment from inside a write (a resolver callback): it would wait for the
/// write forever.
/// </para>
/// </remarks>
public sealed partial class MemberTable
{
    /// <summary>The most identifier types one table tells apart (the linked-types column is a 32-bit mask).</summary>
    public const int MaxIdentifierTypes = 32;

    private const int MaxTextLength = 256;

    private readonly IPersonResolver _resolver;
    private Dictionary<long, int> _rowOfPerson = [];
    private readonly List<IdentifierType> _identifierTypes = [];

    /// <summary>Makes an empty table in which every identifier is its own person (<see cref="IdentifierKeyedPersonResolver"/>).</summary>
    public MemberTable()
        : this(new IdentifierKeyedPersonResolver())
    {
    }

    /// <summary>Makes an empty table that resolves identifiers to persons with <paramref name="resolver"/>.</summary>
    /// <param name="resolver">Resolves event identifiers to persons, usually the identity graph.</param>
    public MemberTable(IPersonResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    /// <summary>How many persons the table holds.</summary>
    public int Count => _rowOfPerson.Count;

    /// <summary>How many purchases the table holds.</summary>
    public long PurchaseCount => Purchases.ElementCount;

    /// <summary>How many interactions the table holds.</summary>
    public long InteractionCount => Interactions.ElementCount;

    /// <summary>The persons in the table, in the order they were first seen.</summary>
    public IEnumerable<PersonId> Persons
    {
        get
        {
            for (var row = 0; row < Columns.Rows; row++)
            {
                if (Columns.IsLive(row))
                {
                    yield return new PersonId(Columns.PersonIds[row]);
                }
            }
        }
    }

    /// <summary>The resolver the table was built with.</summary>
    internal IPersonResolver Resolver => _resolver;

    internal MemberColumns Columns { get; } = new();

    internal PurchaseColumns Purchases { get; } = new();

    internal InteractionColumns Interactions { get; } = new();

    internal TagColumns Tags { get; } = new();

    internal AttributeColumns Attributes { get; } = new();

    internal StringPool Currencies { get; } = new();

    internal StringPool Channels { get; } = new();

    internal StringPool Stores { get; } = new();

    internal StringPool Categories { get; } = new();

    internal StringPool InteractionKinds { get; } = new();

    internal StringPool Campaigns { get; } = new();

    internal StringPool Targets { get; } = new();

    /// <summary>The identifier types the table has met; a type's index is its bit in the linked-types column.</summary>
    internal IReadOnlyList<IdentifierType> IdentifierTypes => _identifierTypes;

    /// <summary>Whether <paramref name="person"/> is in the table.</summary>
    public bool Contains(PersonId person) => _rowOfPerson.ContainsKey(person.Value);

    /// <summary>Appends a purchase to the buyer's facts.</summary>
    /// <remarks>
    /// The amount is kept exactly, as a whole number of ten-thousandths of the currency unit (every ISO 4217
    /// currency has at most 4 minor digits); segments read it as a double, <c>p.amount</c>. The campaign the order
    /// is attributed to is kept beside it, in the same vocabulary as the interactions' campaigns.
    /// </remarks>
    /// <param name="purchase">The purchase; its customer is resolved to a person.</param>
    /// <returns>The person the purchase was recorded for.</returns>
    /// <exception cref="ArgumentException">
    /// The amount has more than 4 decimal places, or is outside ±922,337,203,685,477.5807 (a long of
    /// ten-thousandths); the message names the order. Nothing of the purchase is recorded.
    /// </exception>
    public PersonId Append(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        if (MoneyUnits.TryToUnits(purchase.Amount, out var units) is { } problem)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Order '{purchase.OrderId}': the amount {purchase.Amount} {problem}."),
                nameof(purchase));
        }

        using var write = BeginWrite();
        var (person, row) = Resolve(purchase.Customer);
        Span<int> categories = stackalloc int[Math.Min(purchase.Items.Count, 64)];
        var categoryCount = 0;
        foreach (var item in purchase.Items)
        {
            if (item.Category is null)
            {
                continue;
            }

            var id = Categories.Intern(item.Category);
            if (!categories[..categoryCount].Contains(id))
            {
                if (categoryCount == categories.Length)
                {
                    var larger = new int[categories.Length * 2];
                    categories.CopyTo(larger);
                    categories = larger;
                }

                categories[categoryCount++] = id;
            }
        }

        var at = purchase.At.UtcTicks;
        Purchases.Add(
            row,
            at,
            units,
            Currencies.Intern(purchase.Currency),
            Channels.Intern(purchase.Channel.Name),
            Stores.InternOptional(purchase.StoreId),
            Campaigns.InternOptional(purchase.CampaignId),
            categories[..categoryCount]);
        Columns.TotalSpend[row] += MoneyUnits.ToDouble(units);
        if (Columns.FirstPurchaseAt[row] == MemberColumns.Never || at < Columns.FirstPurchaseAt[row])
        {
            Columns.FirstPurchaseAt[row] = at;
        }

        Columns.LastPurchaseAt[row] = Math.Max(Columns.LastPurchaseAt[row], at);
        return person;
    }

    /// <summary>
    /// Appends an interaction to the person's facts. Friend added, blocked and unblocked set the friend state
    /// (the latest by time wins, so events may arrive out of order); a click moves the last click time forward.
    /// </summary>
    /// <param name="interaction">The interaction; its identifier is resolved to a person.</param>
    /// <returns>The person the interaction was recorded for.</returns>
    public PersonId Append(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        using var write = BeginWrite();
        var (person, row) = Resolve(interaction.Who);
        var at = interaction.At.UtcTicks;
        Interactions.Add(
            row,
            at,
            InteractionKinds.Intern(interaction.Kind.Name),
            Campaigns.InternOptional(interaction.CampaignId),
            Targets.InternOptional(interaction.Target));

        if (interaction.Kind == InteractionKind.Clicked)
        {
            Columns.LastClickAt[row] = Math.Max(Columns.LastClickAt[row], at);
        }
        else if (interaction.Kind == InteractionKind.FriendAdded
            || interaction.Kind == InteractionKind.Blocked
            || interaction.Kind == InteractionKind.Unblocked)
        {
            ApplyFriendState(row, at, interaction.Kind == InteractionKind.Blocked);
            if (interaction.Kind == InteractionKind.FriendAdded
                && (Columns.FriendAddedAt[row] == MemberColumns.Never || at < Columns.FriendAddedAt[row]))
            {
                Columns.FriendAddedAt[row] = at;
            }
        }

        return person;
    }

    /// <summary>
    /// Records that the link's identifiers were seen (their types count as linked, a LINE user id becomes the
    /// person's). Joining persons is the identity graph's job: apply the link to the graph first, follow the merges
    /// it reports with <see cref="MergePersons"/>, then append the link here.
    /// </summary>
    /// <remarks>
    /// A link that joins a LINE user id to an identifier of another type (a web member id, a store card) sets when
    /// the person linked (<see cref="MemberFacts.LinkedAt"/>), the earliest such link winning, so links may arrive
    /// out of order. When the two identifiers resolve to two persons (a resolver that does not join them), both get it.
    /// </remarks>
    /// <param name="link">The link.</param>
    public void Append(IdentityLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var write = BeginWrite();
        var (_, from) = Resolve(link.From);
        var (_, to) = Resolve(link.To);
        if ((link.From.Type == IdentifierType.LineUser) != (link.To.Type == IdentifierType.LineUser))
        {
            var at = link.At.UtcTicks;
            KeepEarlier(Columns.LinkedAt, from, at);
            KeepEarlier(Columns.LinkedAt, to, at);
        }
    }

    /// <summary>Tags a person, or removes the tag, adding the person to the table when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="tag">The tag, 1 to 256 characters.</param>
    /// <param name="value">True to tag, false to untag.</param>
    public void SetTag(PersonId person, string tag, bool value = true)
    {
        CheckText(tag, nameof(tag));
        CheckPerson(person, nameof(person));
        using var write = BeginWrite();
        Tags.Set(RowFor(person), tag, value);
    }

    /// <summary>Sets a custom attribute of a person, or removes it with a null value, adding the person when new.</summary>
    /// <param name="person">The person.</param>
    /// <param name="key">The attribute's name, 1 to 256 characters.</param>
    /// <param name="value">The value (at most 256 characters), or null to remove the attribute.</param>
    public void SetAttribute(PersonId person, string key, string? value)
    {
        CheckText(key, nameof(key));
        if (value is not null && value.Length > MaxTextLength)
        {
            throw new ArgumentException($"Attribute '{key}' is {value.Length} characters long; the limit is {MaxTextLength}.", nameof(value));
        }

        CheckPerson(person, nameof(person));
        using var write = BeginWrite();
        Attributes.Set(RowFor(person), key, value);
    }

    /// <summary>
    /// Follows a merge reported by the identity graph: the absorbed person's facts join the surviving person's,
    /// and the absorbed person leaves the table. Purchases, interactions, tags and linked types are combined; the
    /// friend state with the later event wins; the earlier friend-added time and the later click are kept;
    /// the earlier link time is kept (<see cref="MemberFacts.LinkedAt"/>); on an attribute or a custom scalar fact
    /// both have, the survivor's value stays; custom records are combined.
    /// </summary>
    /// <param name="absorbed">The person that no longer exists.</param>
    /// <param name="surviving">The person it became part of.</param>
    public void MergePersons(PersonId absorbed, PersonId surviving)
    {
        CheckPerson(absorbed, nameof(absorbed));
        CheckPerson(surviving, nameof(surviving));
        if (absorbed == surviving || !_rowOfPerson.ContainsKey(absorbed.Value))
        {
            return;
        }

        using var write = BeginWrite();
        _rowOfPerson.Remove(absorbed.Value, out var from);

        if (!_rowOfPerson.TryGetValue(surviving.Value, out var to))
        {
            // The survivor had no facts yet: the row simply changes owner.
            Columns.PersonIds[from] = surviving.Value;
            _rowOfPerson.Add(surviving.Value, from);
            return;
        }

        Purchases.MoveAll(from, to);
        Interactions.MoveAll(from, to);
        Tags.MoveAll(from, to);
        Attributes.MoveAll(from, to);
        Custom.MoveAll(from, to);
        MergeScalars(from, to);
        Columns.Retire(from);
    }

    /// <summary>
    /// Packs purchases and interactions tightly in person order. Appends keep working without it; it is worth
    /// calling after a bulk load, so scans over purchases read memory in order.
    /// </summary>
    public void Compact()
    {
        using var write = BeginWrite();
        Purchases.Compact();
        Interactions.Compact();
        Custom.Compact();
    }

    /// <summary>Copies out what the table knows about <paramref name="person"/>.</summary>
    /// <param name="person">The person.</param>
    /// <param name="facts">The facts, when the person is in the table.</param>
    /// <returns>Whether the person is in the table.</returns>
    public bool TryGetFacts(PersonId person, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemberFacts? facts)
    {
        if (!_rowOfPerson.TryGetValue(person.Value, out var row))
        {
            facts = null;
            return false;
        }

        facts = FactsOf(row);
        return true;
    }

    /// <summary>The row of <paramref name="person"/>, or -1.</summary>
    internal int RowOf(PersonId person) => _rowOfPerson.TryGetValue(person.Value, out var row) ? row : -1;

    /// <summary>The person's LINE user id, when the table has seen one.</summary>
    internal Identifier? LineUserOf(int row) => Columns.LineUserIds[row] is { } id ? Identifier.LineUser(id) : null;

    internal MemberFacts FactsOf(int row)
    {
        var purchases = new List<MemberPurchase>(Purchases.Counts[row]);
        for (int i = Purchases.Starts[row], end = i + Purchases.Counts[row]; i < end; i++)
        {
            var categories = new string[Purchases.CategoryCount[i]];
            for (var c = 0; c < categories.Length; c++)
            {
                categories[c] = Categories[Purchases.CategoryIds[Purchases.CategoryStart[i] + c]];
            }

            purchases.Add(new MemberPurchase(
                Utc(Purchases.At[i]),
                MoneyUnits.ToDecimal(Purchases.AmountUnits[i]),
                Currencies[Purchases.Currency[i]],
                Channels[Purchases.Channel[i]],
                Stores.Optional(Purchases.Store[i]),
                categories)
            {
                Campaign = Campaigns.Optional(Purchases.Campaign[i]),
            });
        }

        var interactions = new List<MemberInteraction>(Interactions.Counts[row]);
        for (int i = Interactions.Starts[row], end = i + Interactions.Counts[row]; i < end; i++)
        {
            interactions.Add(new MemberInteraction(
                Utc(Interactions.At[i]),
                InteractionKinds[Interactions.Kind[i]],
                Campaigns.Optional(Interactions.Campaign[i]),
                Targets.Optional(Interactions.Target[i])));
        }

        var linked = new List<IdentifierType>();
        for (var bit = 0; bit < _identifierTypes.Count; bit++)
        {
            if ((Columns.LinkedTypes[row] & (1 << bit)) != 0)
            {
                linked.Add(_identifierTypes[bit]);
            }
        }

        return new MemberFacts(
            new PersonId(Columns.PersonIds[row]),
            Columns.IsBlocked(row),
            Columns.FriendAddedAt[row] == MemberColumns.Never ? null : Utc(Columns.FriendAddedAt[row]),
            Columns.LastClickAt[row] == MemberColumns.Never ? null : Utc(Columns.LastClickAt[row]),
            linked,
            LineUserOf(row),
            Tags.Of(row),
            Attributes.Of(row),
            purchases,
            interactions)
        {
            LinkedAt = Columns.LinkedAt[row] == MemberColumns.Never ? null : Utc(Columns.LinkedAt[row]),
            Custom = Custom.IsEmpty ? MemberFacts.NoCustomFacts : CustomFactsOf(row),
        };
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private (PersonId Person, int Row) Resolve(Identifier identifier)
    {
        var bit = TypeBit(identifier.Type);
        var person = _resolver.Resolve(identifier);
        if (person.IsDefault)
        {
            throw new InvalidOperationException($"The person resolver {_resolver.GetType().Name} returned default(PersonId) for '{identifier}'.");
        }

        var row = RowFor(person);
        Columns.LinkedTypes[row] |= 1 << bit;
        if (identifier.Type == IdentifierType.LineUser)
        {
            Columns.LineUserIds[row] = identifier.Value;
        }

        return (person, row);
    }

    private int RowFor(PersonId person)
    {
        CheckPerson(person, nameof(person));
        if (!_rowOfPerson.TryGetValue(person.Value, out var row))
        {
            row = Columns.AddRow(person.Value);
            _rowOfPerson.Add(person.Value, row);
            Purchases.EnsureRows(row + 1);
            Interactions.EnsureRows(row + 1);
            Custom.AddRow(row);
        }

        return row;
    }

    private int TypeBit(IdentifierType type)
    {
        var bit = _identifierTypes.IndexOf(type);
        if (bit >= 0)
        {
            return bit;
        }

        if (_identifierTypes.Count == MaxIdentifierTypes)
        {
            throw new InvalidOperationException(
                $"The member table tells apart at most {MaxIdentifierTypes} identifier types; '{type}' would be number {MaxIdentifierTypes + 1}.");
        }

        _identifierTypes.Add(type);
        return _identifierTypes.Count - 1;
    }

    private void ApplyFriendState(int row, long at, bool blocked)
    {
        // The latest event decides; on a tie the later append wins, so a replayed log gives the same state.
        if (at >= Columns.FriendStateAt[row])
        {
            Columns.FriendStateAt[row] = at;
            Columns.SetBlocked(row, blocked);
        }
    }

    private void MergeScalars(int from, int to)
    {
        var c = Columns;
        if (c.FriendStateAt[from] > c.FriendStateAt[to])
        {
            c.FriendStateAt[to] = c.FriendStateAt[from];
            c.SetBlocked(to, c.IsBlocked(from));
        }

        if (c.FriendAddedAt[from] != MemberColumns.Never && (c.FriendAddedAt[to] == MemberColumns.Never || c.FriendAddedAt[from] < c.FriendAddedAt[to]))
        {
            c.FriendAddedAt[to] = c.FriendAddedAt[from];
        }

        c.LastClickAt[to] = Math.Max(c.LastClickAt[to], c.LastClickAt[from]);
        c.LinkedTypes[to] |= c.LinkedTypes[from];
        c.LineUserIds[to] ??= c.LineUserIds[from];
        c.TotalSpend[to] += c.TotalSpend[from];
        if (c.FirstPurchaseAt[from] != MemberColumns.Never && (c.FirstPurchaseAt[to] == MemberColumns.Never || c.FirstPurchaseAt[from] < c.FirstPurchaseAt[to]))
        {
            c.FirstPurchaseAt[to] = c.FirstPurchaseAt[from];
        }

        c.LastPurchaseAt[to] = Math.Max(c.LastPurchaseAt[to], c.LastPurchaseAt[from]);
        if (c.LinkedAt[from] != MemberColumns.Never)
        {
            KeepEarlier(c.LinkedAt, to, c.LinkedAt[from]);
        }

        c.SetBlocked(from, false);
    }

    /// <summary>Sets a "first time" column to <paramref name="at"/> unless it holds an earlier time already.</summary>
    private static void KeepEarlier(long[] column, int row, long at)
    {
        if (column[row] == MemberColumns.Never || at < column[row])
        {
            column[row] = at;
        }
    }

    private static void CheckPerson(PersonId person, string name)
    {
        if (person.IsDefault)
        {
            throw new ArgumentException($"{name} must be a person, not default(PersonId).", name);
        }
    }

    private static void CheckText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or whitespace.", name);
        }

        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; the limit is {MaxTextLength}.", name);
        }
    }
}
