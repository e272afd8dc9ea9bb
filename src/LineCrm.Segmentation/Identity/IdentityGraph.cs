using System.Buffers;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The identity graph: joins each customer's identifiers (LINE user id, web member id, store cards, hashed
/// e-mail and phone) into one <see cref="PersonId"/>, from <see cref="LineCrm.Events.IdentityLink"/> evidence
/// arriving in any order, under <see cref="IdentityRules"/> that refuse bad links and record why.
/// </summary>
/// <remarks>
/// <para>
/// A union-find forest over interned identifiers (union by size, path compression). Person numbers are handed
/// out in increasing order and never reused: when two persons merge, the older one (the smaller number)
/// survives and the merge is reported through <see cref="PersonsMerged"/>; when a removal splits a person, the
/// part with its oldest identifier keeps the number and the other parts get new ones
/// (<see cref="PersonsSplit"/>).
/// </para>
/// <para>
/// Not thread-safe for writes. Reads (<see cref="TryResolve"/>, <see cref="GetIdentifiers(PersonId)"/>,
/// <see cref="Explain"/>, ...) change nothing and may run side by side, but not alongside a write; guard the
/// graph with a <see cref="ReaderWriterLockSlim"/> or feed it from one writer.
/// </para>
/// </remarks>
public sealed partial class IdentityGraph
{
    // Identifiers per block of ResolveMany: as many as the key-table touches of FindNodes, so a block's forest
    // entries are touched together too.
    private const int ResolveBlock = GraphState.TouchAhead;

    private readonly CompiledRules _rules;
    private readonly TimeProvider _time;
    private GraphState _state;

    /// <summary>Makes an empty graph with <see cref="IdentityRules.Default"/>.</summary>
    public IdentityGraph()
        : this(IdentityRules.Default)
    {
    }

    /// <summary>Makes an empty graph.</summary>
    /// <param name="rules">The rules checked on every link.</param>
    /// <param name="timeProvider">The clock that stamps audit entries; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The rules are not valid; the message says which one and why.</exception>
    public IdentityGraph(IdentityRules rules, TimeProvider? timeProvider = null)
    {
        _rules = CompiledRules.Compile(rules);
        Rules = rules;
        _time = timeProvider ?? TimeProvider.System;
        _state = new GraphState(_rules);
    }

    /// <summary>Raised after each merge of two persons (in order), so stores of per-person facts can follow.</summary>
    public event EventHandler<PersonMerge>? PersonsMerged;

    /// <summary>Raised after removing a link or an identifier changed its person's shape (split it or removed it).</summary>
    public event EventHandler<PersonSplit>? PersonsSplit;

    /// <summary>Raised after each refusal, once it is in the <see cref="AuditLog"/> (which may drop it later, or at once with a capacity of 0).</summary>
    public event EventHandler<IdentityRefusal>? LinkRefused;

    /// <summary>The rules this graph checks.</summary>
    public IdentityRules Rules { get; }

    /// <summary>The number of identifiers held.</summary>
    public int IdentifierCount => _state.IdentifierCount;

    /// <summary>The number of persons.</summary>
    public int PersonCount => _state.PersonCount;

    /// <summary>The number of links held (a pair linked many times counts once).</summary>
    public int LinkCount => _state.LinkCount;

    /// <summary>The <see cref="AuditLogCapacity"/> of a new graph.</summary>
    public const int DefaultAuditLogCapacity = RefusalLog.DefaultCapacity;

    /// <summary>
    /// The most recent refused links and identifiers, at most <see cref="AuditLogCapacity"/> of them, oldest first,
    /// with the rule and the values. Older ones are dropped (and counted in <see cref="AuditLogDropped"/>);
    /// <see cref="LinkRefused"/> is raised for every refusal, kept or not.
    /// </summary>
    public IReadOnlyList<IdentityRefusal> AuditLog => _state.Audit;

    /// <summary>
    /// How many refusals the <see cref="AuditLog"/> keeps: when one more arrives, the oldest is dropped. A refusal
    /// costs about 455 bytes, so the default of <see cref="DefaultAuditLogCapacity"/> (10,000) holds about 4.5 MB. 0
    /// keeps none (follow <see cref="LinkRefused"/> instead). Lowering it drops the oldest entries over the new
    /// capacity at once. It is a setting of this graph: a snapshot does not carry it, and <see cref="Load"/> keeps
    /// the most recent entries of a snapshot within it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int AuditLogCapacity
    {
        get => _state.Audit.Capacity;
        set => _state.Audit.Capacity = value;
    }

    /// <summary>
    /// How many refusals were dropped from the <see cref="AuditLog"/> to keep it within <see cref="AuditLogCapacity"/>
    /// since the graph was made or the log last cleared (a loaded snapshot brings the count it was saved with).
    /// </summary>
    public long AuditLogDropped => _state.Audit.Dropped;

    /// <summary>Empties the <see cref="AuditLog"/> (after copying it elsewhere, say) and sets <see cref="AuditLogDropped"/> back to 0.</summary>
    public void ClearAuditLog()
    {
        _state.Audit.Clear();
        _recorder?.ClearAuditLog();
    }

    /// <summary>Makes room for this many identifiers and links in all, so a bulk load does not grow the graph step by step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public void EnsureCapacity(int identifiers, int links)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(identifiers);
        ArgumentOutOfRangeException.ThrowIfNegative(links);
        _state.EnsureCapacity(identifiers, links);
    }

    /// <summary>Whether the graph holds an identifier.</summary>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>.</exception>
    public bool Contains(Identifier identifier) => _state.FindNode(Require(identifier)) >= 0;

    /// <summary>The person of an identifier.</summary>
    /// <returns>False when the graph does not hold the identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>.</exception>
    public bool TryResolve(Identifier identifier, out PersonId person)
    {
        var state = _state;
        var node = state.FindNode(Require(identifier));
        person = node < 0 ? default : new PersonId(state.PersonOf(node));
        return node >= 0;
    }

    /// <summary>
    /// The persons of many identifiers at once (a day's purchases, say). For large batches this is several times
    /// faster than calling <see cref="TryResolve"/> for each: the lookups of a block are started together, so
    /// their cache misses overlap instead of following one another, and a batch of 131,072 identifiers or more is
    /// split across all cores (a read, so the workers change nothing).
    /// </summary>
    /// <param name="identifiers">The identifiers.</param>
    /// <param name="persons">Receives each identifier's person at the same position, or <c>default</c> when the graph does not hold it.</param>
    /// <returns>How many of the identifiers the graph holds.</returns>
    /// <exception cref="ArgumentException"><paramref name="persons"/> is shorter than <paramref name="identifiers"/>, or an identifier is <c>default</c> (the message gives its position); nothing was written.</exception>
    public int ResolveMany(ReadOnlySpan<Identifier> identifiers, Span<PersonId> persons)
    {
        if (persons.Length < identifiers.Length)
        {
            throw new ArgumentException($"persons has room for {persons.Length} results but there are {identifiers.Length} identifiers.", nameof(persons));
        }

        for (var i = 0; i < identifiers.Length; i++)
        {
            Require(identifiers[i], nameof(identifiers), i);
        }

        var state = _state;
        if (!InParallel(identifiers.Length, Parallelism.Default))
        {
            return ResolveBlocks(state, identifiers, persons);
        }

        // A span cannot go to another thread, so a large batch is copied to pooled arrays and back: a few
        // nanoseconds an identifier, against the hundreds its lookup waits for memory.
        var input = ArrayPool<Identifier>.Shared.Rent(identifiers.Length);
        var output = ArrayPool<PersonId>.Shared.Rent(identifiers.Length);
        try
        {
            identifiers.CopyTo(input);
            var found = 0;
            InChunks(identifiers.Length, (start, end) =>
                Interlocked.Add(ref found, ResolveBlocks(state, input.AsSpan(start, end - start), output.AsSpan(start, end - start))), Parallelism.Default);
            output.AsSpan(0, identifiers.Length).CopyTo(persons);
            return found;
        }
        finally
        {
            ArrayPool<Identifier>.Shared.Return(input, clearArray: true);
            ArrayPool<PersonId>.Shared.Return(output);
        }
    }

    // ResolveMany on one thread, a block at a time.
    private static int ResolveBlocks(GraphState state, ReadOnlySpan<Identifier> identifiers, Span<PersonId> persons)
    {
        var found = 0;
        Span<int> nodes = stackalloc int[ResolveBlock];
        for (var block = 0; block < identifiers.Length; block += ResolveBlock)
        {
            var count = Math.Min(identifiers.Length - block, ResolveBlock);
            state.FindNodes(identifiers.Slice(block, count), nodes);
            for (var k = 0; k < count; k++)
            {
                if (nodes[k] >= 0)
                {
                    state.TouchForest(nodes[k]);
                }
            }

            for (var k = 0; k < count; k++)
            {
                persons[block + k] = nodes[k] < 0 ? default : new PersonId(state.PersonOf(nodes[k]));
                found += nodes[k] < 0 ? 0 : 1;
            }
        }

        return found;
    }

    /// <summary>The person of an identifier.</summary>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>.</exception>
    /// <exception cref="KeyNotFoundException">The graph does not hold the identifier.</exception>
    public PersonId Resolve(Identifier identifier)
        => TryResolve(identifier, out var person)
            ? person
            : throw new KeyNotFoundException($"The identity graph does not hold '{identifier}'.");

    /// <summary>Whether a person exists (was handed out and neither absorbed nor emptied).</summary>
    public bool Exists(PersonId person) => _state.RootOfPerson(person.Value) >= 0;

    /// <summary>Every person that exists, in the order of their oldest identifiers.</summary>
    public IEnumerable<PersonId> GetPersons()
    {
        var state = _state;
        var listed = new System.Collections.BitArray(state.LastPerson + 1);
        for (var node = 0; node < state.NodeCount; node++)
        {
            if (!state.IsLive(node))
            {
                continue;
            }

            var person = state.PersonOf(node);
            if (!listed[person])
            {
                listed[person] = true;
                yield return new PersonId(person);
            }
        }
    }

    /// <summary>A person's identifiers, oldest first.</summary>
    /// <exception cref="KeyNotFoundException">The person does not exist.</exception>
    public IReadOnlyList<Identifier> GetIdentifiers(PersonId person)
    {
        var state = _state;
        return [.. state.SortedMembers(RootOf(state, person)).Select(state.IdentifierOf)];
    }

    /// <summary>A person's identifiers of one type, oldest first.</summary>
    /// <exception cref="KeyNotFoundException">The person does not exist.</exception>
    public IReadOnlyList<Identifier> GetIdentifiers(PersonId person, IdentifierType type)
    {
        var state = _state;
        var root = RootOf(state, person);
        var typeIndex = state.TypeIndex(type, register: false);
        return typeIndex < 0
            ? []
            : [.. state.SortedMembers(root).Where(n => state.TypeIndexOf(n) == typeIndex).Select(state.IdentifierOf)];
    }

    /// <summary>A person's LINE user id (the oldest, if rules allow more than one), or null when the person has none.</summary>
    /// <exception cref="KeyNotFoundException">The person does not exist.</exception>
    public Identifier? GetLineUserId(PersonId person)
    {
        var line = GetIdentifiers(person, IdentifierType.LineUser);
        return line.Count == 0 ? null : line[0];
    }

    private static int RootOf(GraphState state, PersonId person)
    {
        var root = state.RootOfPerson(person.Value);
        return root >= 0 ? root : throw new KeyNotFoundException($"Person {person} does not exist in the identity graph (never handed out, merged into another, or emptied).");
    }

    /// <param name="identifier">The identifier.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="position">Its position in a batch, or -1; formatted into the name only on failure.</param>
    private static Identifier Require(Identifier identifier, string name = "identifier", int position = -1)
        => identifier.IsDefault
            ? throw new ArgumentException("default(Identifier) identifies nobody; pass an identifier made by Identifier's factories or Parse.", At(name, position))
            : identifier;

    // An argument's name with its position in a batch ("links[3]"), or the name alone.
    private static string At(string name, int position) => position < 0 ? name : $"{name}[{position}]";
}
