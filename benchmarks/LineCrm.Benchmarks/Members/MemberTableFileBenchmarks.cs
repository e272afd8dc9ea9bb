using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Benchmarks.Members;

/// <summary>
/// Saving and loading the member table to and from a file, beside writing and reading the same number of bytes
/// with a plain <see cref="FileStream"/> in 1 MiB blocks (the floor: what the file system costs, with nothing to
/// encode, hash or check). 10 million members with 0 to 10 purchases each (5 on average, so about 50 million),
/// a click or a friend-added interaction each, a tenth blocked. The file lives in the temporary folder.
/// </summary>
[Config(typeof(FileConfig))]
public class MemberTableFileBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly PurchaseChannel[] Channels = [PurchaseChannel.Web, PurchaseChannel.Store, PurchaseChannel.FromName("app")];

    private MemberTable _table = null!;
    private IdentifierKeyedPersonResolver _resolver = null!;
    private string _tablePath = null!;
    private string _plainPath = null!;
    private long _fileBytes;
    private readonly byte[] _block = new byte[1 << 20];

    /// <summary>10 million members, or the number in LINECRM_BENCH_FILE_MEMBERS.</summary>
    [Params(10_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Environment.GetEnvironmentVariable("LINECRM_BENCH_FILE_MEMBERS") is { Length: > 0 } members)
        {
            Members = int.Parse(members, System.Globalization.CultureInfo.InvariantCulture);
        }

        // The in-process toolchain runs the global setup once per benchmark: the table is built once per process.
        (_table, _resolver) = Built ??= Build(Members);
        _tablePath = Path.Combine(Path.GetTempPath(), $"linecrm-bench-{Environment.ProcessId}.members");
        _plainPath = _tablePath + ".plain";
        SaveTable();
        _fileBytes = new FileInfo(_tablePath).Length;
        WritePlain();
        Console.WriteLine($"// {Members:N0} members, {_table.PurchaseCount:N0} purchases, {_table.InteractionCount:N0} interactions: {_fileBytes:N0} bytes, {(double)_fileBytes / Members:F1} per member");
        if (LoadTable().PurchaseCount != _table.PurchaseCount)
        {
            throw new InvalidOperationException("The loaded table does not hold the saved purchases.");
        }
    }

    private static (MemberTable, IdentifierKeyedPersonResolver)? Built { get; set; }

    private static (MemberTable, IdentifierKeyedPersonResolver) Build(int members)
    {
        var random = new Random(20261203);
        var resolver = new IdentifierKeyedPersonResolver();
        var table = new MemberTable(resolver);
        for (var i = 0; i < members; i++)
        {
            var who = new Identifier(IdentifierType.WebMember, "M" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Append(random.Next(5) == 0
                ? new Interaction(who, Now.AddDays(-800), InteractionKind.FriendAdded)
                : new Interaction(who, Now.AddMinutes(-random.Next(2 * 365 * 24 * 60)), InteractionKind.Clicked));
            if (random.Next(10) == 0)
            {
                table.Append(new Interaction(who, Now.AddDays(-1), InteractionKind.Blocked));
            }

            for (int k = 0, count = random.Next(11); k < count; k++)
            {
                table.Append(new Purchase("O", who, Now.AddMinutes(-random.Next(2 * 365 * 24 * 60)), 500 + random.Next(9500), "JPY", Channels[random.Next(3)]));
            }
        }

        table.Compact();
        return (table, resolver);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_tablePath);
        File.Delete(_plainPath);
    }

    [Benchmark(Description = "save the member table")]
    public void SaveTable()
    {
        using var file = new FileStream(_tablePath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        _table.Save(file);
    }

    [Benchmark(Description = "FileStream: write as many bytes")]
    public void WritePlain()
    {
        using var file = new FileStream(_plainPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        for (var left = _fileBytes; left > 0; left -= _block.Length)
        {
            file.Write(_block, 0, (int)Math.Min(left, _block.Length));
        }
    }

    [Benchmark(Description = "load the member table")]
    public MemberTable LoadTable()
    {
        using var file = new FileStream(_tablePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return MemberTable.Load(file, _resolver);
    }

    [Benchmark(Description = "FileStream: read as many bytes")]
    public long ReadPlain()
    {
        using var file = new FileStream(_plainPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long total = 0;
        int read;
        while ((read = file.Read(_block, 0, _block.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark(Description = "FileStream: read as many bytes into new arrays")]
    public long ReadPlainIntoNewArrays()
    {
        // What any loader must do at least: the bytes land in memory the process has not touched yet, which the
        // reuse of one 1 MiB block above never pays for. 256 MiB arrays, as a loader of columns would have.
        using var file = new FileStream(_plainPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var arrays = new List<long[]>();
        long total = 0;
        while (total < _fileBytes)
        {
            var array = new long[(int)Math.Min(1L << 25, (_fileBytes - total + 7) / 8)];
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(array.AsSpan());
            total += file.ReadAtLeast(bytes[..(int)Math.Min(bytes.Length, _fileBytes - total)], 1, throwOnEndOfStream: false);
            arrays.Add(array);
        }

        return total + arrays.Count;
    }

    private sealed class FileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public FileConfig()
        {
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1));
        }
    }
}
