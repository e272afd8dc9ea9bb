using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Actions;
using LineCrm.Messaging.Messages.Flex;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Benchmarks.Messaging;

/// <summary>
/// Serializing a push body to UTF-8 JSON: one text message, and five flex bubbles. The package's source-generated
/// path is compared with reflection-based System.Text.Json over the same objects (what an SDK without source
/// generation pays).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(5)]
public class MessageSerializationBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private PushMessageRequest _text = null!;
    private PushMessageRequest _flex = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = new PushMessageRequest("U4af4980629a1b2c3d4e5f60718293a4b", [new TextMessage("Your order #1042 has shipped and arrives tomorrow.")]);
        _flex = new PushMessageRequest("U4af4980629a1b2c3d4e5f60718293a4b", [.. Enumerable.Range(1, 5).Select(Receipt)]);
    }

    [Benchmark(Baseline = true, Description = "text: reflection STJ")]
    public byte[] TextReflection() => JsonSerializer.SerializeToUtf8Bytes(_text, Reflection);

    [Benchmark(Description = "text: LineCrm source-generated")]
    public byte[] TextSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_text, LineJsonContext.Default.PushMessageRequest);

    [Benchmark(Description = "5 flex: reflection STJ")]
    public byte[] FlexReflection() => JsonSerializer.SerializeToUtf8Bytes(_flex, Reflection);

    [Benchmark(Description = "5 flex: LineCrm source-generated")]
    public byte[] FlexSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_flex, LineJsonContext.Default.PushMessageRequest);

    /// <summary>A receipt bubble: header, hero image, rows of items, a footer button.</summary>
    internal static FlexMessage Receipt(int order) => new($"Receipt #{order}", new FlexBubble
    {
        Header = new FlexBox("vertical", [new FlexText("RECEIPT") { Weight = "bold", Color = "#1DB446", Size = "sm" }]),
        Hero = new FlexImage("https://example.com/shop/hero.png") { Size = "full", AspectRatio = "20:13", AspectMode = "cover" },
        Body = new FlexBox("vertical",
        [
            new FlexText("Brown Store") { Weight = "bold", Size = "xxl", Margin = "md" },
            new FlexSeparator { Margin = "xxl" },
            .. Enumerable.Range(1, 4).Select(item => new FlexBox("horizontal",
            [
                new FlexText($"Item {item}") { Size = "sm", Color = "#555555", Flex = 0 },
                new FlexText($"${item * 2}.99") { Size = "sm", Color = "#111111", Align = "end" },
            ])),
            new FlexSeparator { Margin = "xxl" },
            new FlexBox("horizontal", [new FlexText("TOTAL") { Size = "sm" }, new FlexText("$19.96") { Size = "sm", Align = "end" }]) { Margin = "md" },
        ])
        { Spacing = "sm" },
        Footer = new FlexBox("vertical", [new FlexButton(new UriAction("Track order", $"https://example.com/orders/{order}")) { Style = "primary" }]),
        Styles = new FlexBubbleStyles { Footer = new FlexBlockStyle(Separator: true) },
    });
}
