using System.Collections.Concurrent;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Identity;

/// <remarks>This part: adding identifiers and links.</remarks>
public sealed partial class IdentityGraph
{
    /// <summary>How many identifiers or links a batch brings into the cache at once before working on them.</summary>
    private const int TouchAhead = GraphState.TouchAhead;

    /// <summary>The batch size from which <see cref="ClaimValues"/> claims in several key tables at once.</summary>
    private const int ParallelClaimAt = 1 << 16;

    /// <summary>A claim's result for a value that was new and is now claimed.</summary>
    private const int Claimed = -1;

    /// <summary>Adds a lone identifier as a person of its own (or finds the person it already belongs to).</summary>
    /// <param name="identifier">The identifier.</param>
    /// <param name="person">Its person; default when it was refused.</param>
    /// <returns>False when its value is blocked by the rules; the refusal is in the <see cref="AuditLog"/>.</returns>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>.</exception>
    public bool TryAddIdentifier(Identifier identifier, out PersonId person) => TryAddOne(identifier, out person, out _);

    /// <summary>
    /// The person of an identifier, adding it as a person of its own when the graph has not seen it: what a store
    /// of per-person facts calls for each purchase or interaction (the member table's resolver).
    /// </summary>
    /// <exception cref="ArgumentException">The identifier is <c>default</c>, or its value is blocked by the rules (the refusal is also in the <see cref="AuditLog"/>).</exception>
    public PersonId ResolveOrAdd(Identifier identifier)
    {
        // The refusal itself, not the audit log's last entry: the log may keep none (AuditLogCapacity 0).
        return TryAddOne(identifier, out var person, out var refusal)
            ? person
            : throw new ArgumentException(refusal!.Reason, nameof(identifier));
    }

    private bool TryAddOne(Identifier identifier, out PersonId person, out IdentityRefusal? refusal)
    {
        var applied = _state.AddIdentifier(Require(identifier));
        _recorder?.AddIdentifier(identifier);
        if (applied.Outcome == LinkOutcome.Refused)
        {
            refusal = Refuse(applied, null);
            person = default;
            return false;
        }

        refusal = null;
        person = new PersonId(applied.Person);
        return true;
    }

    /// <summary>Adds many lone identifiers; blocked ones are refused into the <see cref="AuditLog"/>.</summary>
    /// <returns>How many were new.</returns>
    /// <exception cref="ArgumentException">One is <c>default</c> (the message gives its position); nothing was added.</exception>
    /// <exception cref="InvalidOperationException">The batch would bring the graph to more than 255 identifier types; nothing was added.</exception>
    public int AddIdentifiers(IEnumerable<Identifier> identifiers) => AddIdentifiers(identifiers, null, CancellationToken.None);

    /// <summary>
    /// Adds many lone identifiers as <see cref="AddIdentifiers(IEnumerable{Identifier})"/> does, on at most the cores
    /// <paramref name="options"/> allows. Cancellation is checked while the batch is read, hashed and checked
    /// against the rules, before any value is claimed: a cancelled batch adds nothing. Once values are being
    /// claimed the batch runs to its end.
    /// </summary>
    /// <param name="identifiers">The identifiers.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of 32,768 identifiers until the first value is claimed.</param>
    /// <returns>How many were new.</returns>
    /// <exception cref="ArgumentException">One is <c>default</c> (the message gives its position); nothing was added.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">The batch would bring the graph to more than 255 identifier types; nothing was added.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing was added.</exception>
    public int AddIdentifiers(IEnumerable<Identifier> identifiers, ComputeOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var parallelism = Parallelism.From(options, cancellationToken);
        var all = identifiers as Identifier[] ?? [.. identifiers];
        for (var i = 0; i < all.Length; i++)
        {
            Require(all[i], "identifiers", i);
        }

        parallelism.ThrowIfCancellationRequested();
        var state = _state;
        state.EnsureCapacity(state.NodeCount + all.Length, 0);
        state.ReservePersons(all.Length);
        var (types, hashes, blocked) = Prepare(all, state, parallelism);

        // The last point at which the batch may stop: the claims below change the key tables.
        parallelism.ThrowIfCancellationRequested();
        _recorder?.AddIdentifiers(all, callers: ReferenceEquals(all, identifiers));
        var firstNode = state.NodeCount;
        var (starts, claims, keys) = ClaimValues(all, types, hashes, blocked, state, firstNode, parallelism.WithoutCancellation);

        // In batch order, as adding one by one would: node and person numbers, refusals and their audit entries.
        var cursor = (int[])starts.Clone();
        var added = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (IsClaimable(i, types, blocked))
            {
                // Claimed: new, and now the next node. Otherwise held already or a repeat within the batch.
                var k = cursor[types[i]]++;
                if (claims[k] == Claimed)
                {
                    state.AcceptClaimed(firstNode + i, types[i], keys[k]);
                    added++;
                }

                continue;
            }

            var applied = state.AddChecked(all[i], types[i], blocked?[i] ?? CompiledTypeRule.NotBlocked, hashes[i]);
            if (applied.Outcome == LinkOutcome.Refused)
            {
                Refuse(applied, null);
            }
            else if (applied.Outcome == LinkOutcome.Joined)
            {
                added++;
            }
        }

        return added;
    }

    // Whether ClaimValues claims an identifier: a registered type and a value not blocked. The rest (unregistered
    // types, blocked values) are left to the ordered pass.
    private static bool IsClaimable(int i, int[] types, int[]? blocked)
        => types[i] >= 0 && (blocked is null || blocked[i] == CompiledTypeRule.NotBlocked);

    /// <summary>
    /// The first pass of <see cref="AddIdentifiers(IEnumerable{Identifier})"/>: each claimable identifier (<see cref="IsClaimable"/>) claims its
    /// value's entry in its type's key table for provisional node <c>firstNode + position</c>. Results are grouped
    /// by type, in batch order within a type, type <c>t</c> from <c>Starts[t]</c>: the claim (<see cref="Claimed"/>
    /// for a new value, else the node or provisional node that held it) and the new entry's key. Tables are
    /// independent and each type's results are its own stretch of the arrays, so a large batch claims in different
    /// tables on all cores, largest first; within a table, a block of slots is touched before it is probed.
    /// <see cref="Prepare"/> made room in each table for the whole batch, so no table moves its entries while claims
    /// are out: the keys handed back would go stale.
    /// </summary>
    private static (int[] Starts, int[] Claims, int[] Keys) ClaimValues(Identifier[] all, int[] types, uint[] hashes, int[]? blocked, GraphState state, int firstNode, Parallelism parallelism)
    {
        var starts = new int[state.Types.Count + 1];
        for (var i = 0; i < all.Length; i++)
        {
            if (IsClaimable(i, types, blocked))
            {
                starts[types[i] + 1]++;
            }
        }

        for (var t = 1; t < starts.Length; t++)
        {
            starts[t] += starts[t - 1];
        }

        // The claimable positions grouped by type, in batch order within each type (a counting sort).
        var positions = new int[starts[^1]];
        var next = (int[])starts.Clone();
        for (var i = 0; i < all.Length; i++)
        {
            if (IsClaimable(i, types, blocked))
            {
                positions[next[types[i]]++] = i;
            }
        }

        var claims = new int[positions.Length];
        var keys = new int[positions.Length];
        void ClaimType(int type)
        {
            for (var block = starts[type]; block < starts[type + 1]; block += TouchAhead)
            {
                var end = Math.Min(starts[type + 1], block + TouchAhead);
                for (var k = block; k < end; k++)
                {
                    state.Touch(type, hashes[positions[k]]);
                }

                for (var k = block; k < end; k++)
                {
                    var i = positions[k];
                    var held = state.Claim(type, all[i].Value, hashes[i], firstNode + i, out keys[k]);
                    claims[k] = held < 0 ? Claimed : held;
                }
            }
        }

        var work = Enumerable.Range(0, state.Types.Count)
            .Where(type => starts[type + 1] > starts[type])
            .OrderByDescending(type => starts[type + 1] - starts[type])
            .ToList();
        if (all.Length < ParallelClaimAt || work.Count < 2 || parallelism.IsSequential)
        {
            work.ForEach(ClaimType);
        }
        else
        {
            // One table at a time per worker, handed out as workers free up, so the largest tables start first.
            Parallel.ForEach(Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering), parallelism.Options, ClaimType);
        }

        return (starts, claims, keys);
    }

    /// <summary>
    /// For a batch of identifiers: each one's type index (-1 for a type the graph has not registered: it is
    /// registered when its first identifier is accepted, so a refusal leaves no trace), room in every registered
    /// type's key table for the whole batch, each value's key-table hash, and which values are blocked (null when the
    /// rules block nothing). Hashing and the blocked-value check read no graph state, so a large batch runs them on
    /// all cores.
    /// </summary>
    /// <remarks>
    /// Room is made for every identifier of the batch, held or not: a batch of identifiers already held (a daily
    /// re-import) can grow a table that did not need it, to at most twice its size, once.
    /// </remarks>
    private static (int[] Types, uint[] Hashes, int[]? Blocked) Prepare(Identifier[] all, GraphState state, Parallelism parallelism)
    {
        var types = new int[all.Length];
        var perType = new Dictionary<int, int>();
        var newTypes = new HashSet<IdentifierType>();
        var blocksAnything = false;
        for (var i = 0; i < all.Length; i++)
        {
            types[i] = state.TypeIndex(all[i].Type, register: false);
            if (types[i] >= 0)
            {
                perType[types[i]] = perType.GetValueOrDefault(types[i]) + 1;
            }
            else
            {
                blocksAnything |= state.RuleFor(all[i].Type).BlocksAnything;
                newTypes.Add(all[i].Type);
            }
        }

        // Checked before anything changes: the ordered pass registers new types, and failing half way would leave
        // values claimed for identifiers that never became nodes.
        if (state.Types.Count + newTypes.Count > GraphState.MaxTypes)
        {
            throw new InvalidOperationException($"An identity graph holds at most {GraphState.MaxTypes} identifier types; this batch would bring it to {state.Types.Count + newTypes.Count}.");
        }

        foreach (var (type, count) in perType)
        {
            state.ReserveKeys(type, count);
        }

        var hashes = new uint[all.Length];
        InChunks(all.Length, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                hashes[i] = types[i] >= 0 ? state.HashOf(types[i], all[i].Value) : 0;
            }
        }, parallelism);

        var rules = perType.Keys.ToDictionary(type => type, state.RuleOfType);
        if (!blocksAnything && rules.Values.All(rule => !rule.BlocksAnything))
        {
            return (types, hashes, null);
        }

        // Each worker matches with its own copies of the patterns: a Regex shared between threads makes a new
        // matcher for every call that finds its cached one busy, a gigabyte of garbage at 10 million values.
        var blocked = new int[all.Length];
        InChunks(
            all.Length,
            () => new Dictionary<CompiledTypeRule, CompiledTypeRule>(ReferenceEqualityComparer.Instance),
            (start, end, copies) =>
            {
                CompiledTypeRule? last = null, lastCopy = null;
                for (var i = start; i < end; i++)
                {
                    var rule = types[i] >= 0 ? rules[types[i]] : state.RuleFor(all[i].Type);
                    if (!ReferenceEquals(rule, last))
                    {
                        last = rule;
                        lastCopy = copies.TryGetValue(rule, out var copy) ? copy : copies[rule] = rule.ForOneThread();
                    }

                    blocked[i] = lastCopy!.BlockedBy(all[i].Value);
                }
            },
            parallelism);
        return (types, hashes, blocked);
    }

    /// <summary>The elements of a chunk of <see cref="InChunks(int, Action{int, int}, Parallelism)"/>.</summary>
    private const int Chunk = 1 << 15;

    /// <summary>Whether <see cref="InChunks(int, Action{int, int}, Parallelism)"/> runs a batch of <paramref name="count"/> on several cores.</summary>
    private static bool InParallel(int count, Parallelism parallelism) => count >= 4 * Chunk && !parallelism.IsSequential;

    /// <summary>
    /// Runs a read-only pass over a batch in chunks of 32,768 elements, on all cores when there are at least four
    /// chunks (fewer would cost more to start than they save).
    /// </summary>
    private static void InChunks(int count, Action<int, int> pass, Parallelism parallelism)
        => InChunks(count, () => 0, (start, end, _) => pass(start, end), parallelism);

    /// <summary>As <see cref="InChunks(int, Action{int, int}, Parallelism)"/>, with state of each worker's own (made by <paramref name="local"/>).</summary>
    private static void InChunks<TLocal>(int count, Func<TLocal> local, Action<int, int, TLocal> pass, Parallelism parallelism)
    {
        var chunks = (count + Chunk - 1) / Chunk;
        if (!InParallel(count, parallelism))
        {
            var only = local();
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                parallelism.ThrowIfCancellationRequested();
                pass(chunk * Chunk, Math.Min(count, (chunk + 1) * Chunk), only);
            }

            return;
        }

        Parallel.For(
            0,
            chunks,
            parallelism.Options,
            local,
            (chunk, _, mine) =>
            {
                pass(chunk * Chunk, Math.Min(count, (chunk + 1) * Chunk), mine);
                return mine;
            },
            _ => { });
    }

    /// <summary>Applies one link under the rules.</summary>
    /// <returns>What it did; a merge is also reported through <see cref="PersonsMerged"/>, a refusal through <see cref="LinkRefused"/>.</returns>
    /// <exception cref="ArgumentNullException">The link is null.</exception>
    /// <exception cref="ArgumentException">The link joins an identifier to itself or holds a default identifier; nothing changed.</exception>
    public LinkResult Link(IdentityLink link)
    {
        Validate(link, "link");
        var applied = _state.Apply(link);
        _recorder?.Link(link);
        return Report(applied, link);
    }

    /// <summary>
    /// Applies a batch of links. Within the batch, links are applied in order of <see cref="IdentityRules.Priority"/>
    /// (the better-ranked type each link touches, then the other), then of time, then of position, so that
    /// where two links conflict the one of the higher-priority types wins whatever order they arrived in.
    /// </summary>
    /// <returns>The totals; merges and refusals are reported one by one through the events as well.</returns>
    /// <exception cref="ArgumentException">A link is null, joins an identifier to itself or holds a default identifier (the message gives its position); nothing was applied.</exception>
    public LinkBatchResult AddLinks(IEnumerable<IdentityLink> links) => AddLinks(links, null, CancellationToken.None);

    /// <summary>
    /// Applies a batch of links as <see cref="AddLinks(IEnumerable{IdentityLink})"/> does, looking up their ends on
    /// at most the cores <paramref name="options"/> allows. Cancellation is checked while the batch is read and its
    /// ends are looked up, before anything is applied: a cancelled batch leaves the graph as it was. Once links
    /// are being applied the batch runs to the end.
    /// </summary>
    /// <param name="links">The links.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of 32,768 links until the first link is applied.</param>
    /// <returns>The totals; merges and refusals are reported one by one through the events as well.</returns>
    /// <exception cref="ArgumentException">A link is null, joins an identifier to itself or holds a default identifier (the message gives its position); nothing was applied.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing was applied.</exception>
    public LinkBatchResult AddLinks(IEnumerable<IdentityLink> links, ComputeOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var parallelism = Parallelism.From(options, cancellationToken);
        var all = links as IdentityLink[] ?? [.. links];
        for (var i = 0; i < all.Length; i++)
        {
            Validate(all[i], "links", i);
        }

        parallelism.ThrowIfCancellationRequested();

        // Link storage is sized for the whole batch up front, and what repeated and refused links did not take is
        // given back afterwards: growing step by step copies the columns again and again, and each large copy can
        // set off a full garbage collection of everything the application holds.
        // The bulk path counts its links before it writes them, and sizes the columns once, exactly.
        var state = _state;
        var takesBulkPath = TakesBulkPath(state, all.Length);
        if (!takesBulkPath)
        {
            state.ReserveLinks(all.Length);
        }

        int joined = 0, merged = 0, already = 0, refused = 0;
        var order = LinkOrder.Of(all, state);

        int[] ends;
        uint[] hashes;
        try
        {
            (ends, hashes) = LookUpEnds(all, order, state, parallelism);
            parallelism.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            // Nothing was applied; give back the room reserved for the batch.
            state.TrimLinks();
            throw;
        }

        // Recorded at the point of no return, before any link is applied and any event runs user code.
        _recorder?.AddLinks(all, callers: ReferenceEquals(all, links));

        if (takesBulkPath)
        {
            var bulk = BulkLinks(all, order, ends, hashes, state, parallelism);
            state.TrimLinks();
            return bulk;
        }

        // The ends are brought into the cache in two rounds, so that each link's misses are waited for side by side
        // with a whole block's (see CachePrefetch). Two blocks ahead: held ends' forest nodes and link list heads, and
        // the key-table slots of ends not held yet (the first link that names one adds it; the links after it find
        // it). One block ahead, once those have arrived: what they lead to, the roots and person entries of held ends
        // and the key-table records that new ends' slots point to. The first round fetches the first blocks too.
        Identifier EndAt(int k) => k % 2 == 0 ? all[order[k / 2]].From : all[order[k / 2]].To;

        // Stage 0 fetches an end's first lines (its node, or its key-table slot); stage 1 what those lead to.
        void TouchEnds(int firstLink, int endLink, int stage)
        {
            for (var k = 2 * firstLink; k < Math.Min(ends.Length, 2 * endLink); k++)
            {
                if (ends[k] < 0)
                {
                    state.TouchNew(EndAt(k), hashes[k], stage);
                }
                else if (stage == 0)
                {
                    state.TouchNode(ends[k]);
                }
                else
                {
                    state.TouchRoot(ends[k]);
                }
            }
        }

        for (var i = 0; i < order.Length; i++)
        {
            if (i % TouchAhead == 0)
            {
                var next = i + TouchAhead;
                TouchEnds(i == 0 ? 0 : next + TouchAhead, next + (2 * TouchAhead), stage: 0);
                TouchEnds(i == 0 ? 0 : next, next + TouchAhead, stage: 1);
            }

            var link = all[order[i]];
            var result = Report(state.Apply(link, ends[2 * i], ends[(2 * i) + 1]), link);
            switch (result.Outcome)
            {
                case LinkOutcome.Joined: joined++; break;
                case LinkOutcome.Merged: merged++; break;
                case LinkOutcome.AlreadyJoined: already++; break;
                default: refused++; break;
            }
        }

        state.TrimLinks();
        return new LinkBatchResult(joined, merged, already, refused);
    }

    /// <summary>
    /// Every end of a batch looked up before any link is applied (-1 for an identifier not held yet), with each
    /// end's key-table hash for the prefetches of the ends not held. The lookups do not depend on each other, so the
    /// processor overlaps their cache misses, which it cannot do while each union waits for its own lookups; and
    /// since they only read the key tables, a large batch splits them across cores.
    /// </summary>
    private static (int[] Ends, uint[] Hashes) LookUpEnds(IdentityLink[] all, int[] order, GraphState state, Parallelism parallelism)
    {
        var ends = new int[2 * order.Length];
        var hashes = new uint[2 * order.Length];
        InChunks(order.Length, (start, end) =>
        {
            var identifiers = new Identifier[2 * GraphState.TouchAhead];
            for (var block = start; block < end; block += GraphState.TouchAhead)
            {
                var count = Math.Min(end - block, GraphState.TouchAhead);
                for (var k = 0; k < count; k++)
                {
                    var link = all[order[block + k]];
                    identifiers[2 * k] = link.From;
                    identifiers[(2 * k) + 1] = link.To;
                }

                state.FindNodes(identifiers.AsSpan(0, 2 * count), ends.AsSpan(2 * block, 2 * count), hashes.AsSpan(2 * block, 2 * count));
            }
        }, parallelism);
        return (ends, hashes);
    }

    private LinkResult Report(Applied applied, IdentityLink link)
    {
        switch (applied.Outcome)
        {
            case LinkOutcome.Refused:
                return new LinkResult(LinkOutcome.Refused, default, default, Refuse(applied, link));
            case LinkOutcome.Merged:
                var result = new LinkResult(LinkOutcome.Merged, new PersonId(applied.Person), new PersonId(applied.Absorbed), null);
                PersonsMerged?.Invoke(this, new PersonMerge(result.Absorbed, result.Person, link));
                return result;
            default:
                return new LinkResult(applied.Outcome, new PersonId(applied.Person), default, null);
        }
    }

    private IdentityRefusal Refuse(Applied applied, IdentityLink? link)
    {
        var refusal = new IdentityRefusal(applied.Rule, applied.Facts, link, applied.Involved ?? [], RefusalTime());
        _state.Audit.Add(refusal);
        LinkRefused?.Invoke(this, refusal);
        return refusal;
    }

    /// <param name="link">The link.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="position">Its position in a batch, or -1. It goes into the message only on failure: formatting
    /// "links[i]" for every element of a batch cost a string each, 600 MB at 10 million.</param>
    private static void Validate(IdentityLink? link, string name, int position = -1)
    {
        if (link is null)
        {
            throw new ArgumentNullException(At(name, position), $"{At(name, position)} is null.");
        }

        // IdentityLink checks this in its constructor, but a 'with' expression can still make From equal To.
        if (link.From.IsDefault || link.To.IsDefault)
        {
            throw new ArgumentException($"{At(name, position)} holds default(Identifier), which identifies nobody.", At(name, position));
        }

        if (link.From == link.To)
        {
            throw new ArgumentException($"{At(name, position)} links '{link.From}' to itself; a link joins two different identifiers.", At(name, position));
        }
    }
}
