using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Messaging.Tests.Webhooks;

/// <summary>
/// Random byte mutations of valid bodies: the parser either parses or throws its documented exception (never
/// anything else), and a mutated body never passes the signature check of the original.
/// </summary>
public sealed class WebhookPropertyTests
{
    private const string Secret = "property_secret";

    private static readonly byte[][] Seeds =
    [
        Encoding.UTF8.GetBytes(WebhookFixtures.MixedBatch()),
        Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Message(WebhookFixtures.TextContent))),
        Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Postback)),
        Encoding.UTF8.GetBytes(WebhookFixtures.Body(WebhookFixtures.Message(WebhookFixtures.VideoContent))),
    ];

    /// <summary>One edit: overwrite, insert or delete a byte, at a position given as a fraction of the length.</summary>
    private sealed record Mutation(int Kind, double Where, byte Value);

    private static Arbitrary<(int Seed, Mutation[] Mutations)> Mutated() =>
        (from seed in Gen.Choose(0, Seeds.Length - 1)
         from count in Gen.Choose(1, 8)
         from mutations in Gen.ArrayOf(
             from kind in Gen.Choose(0, 2)
             from position in Gen.Choose(0, 1_000_000).Select(i => i / 1_000_001.0)
                 // Bias towards the bytes JSON cares about, so mutations hit structure, not only letters.
             from value in Gen.OneOf(
                 Gen.Elements((byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)':', (byte)',', (byte)'\\', (byte)'0', (byte)'-', (byte)'e', (byte)'n'),
                 Gen.Choose(0, 255).Select(i => (byte)i))
             select new Mutation(kind, position, value), count)
         select (seed, mutations)).ToArbitrary();

    private static byte[] Apply(byte[] original, Mutation[] mutations)
    {
        var bytes = original.ToList();
        foreach (var m in mutations)
        {
            var at = (int)(m.Where * bytes.Count);
            switch (m.Kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = m.Value;
                    break;
                case 1:
                    bytes.Insert(at, m.Value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                    break;
            }
        }

        return [.. bytes];
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Mutated_bodies_parse_or_fail_with_WebhookFormatException_only() =>
        Prop.ForAll(Mutated(), input =>
        {
            var body = Apply(Seeds[input.Seed], input.Mutations);
            try
            {
                var callback = WebhookParser.Parse(body);
                return callback.Events.All(e => e is not null);
            }
            catch (WebhookFormatException e)
            {
                return e.Message.Length > 0;
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property A_mutated_body_never_verifies_under_the_original_signature() =>
        Prop.ForAll(Mutated(), input =>
        {
            var original = Seeds[input.Seed];
            var signature = WebhookSignature.Compute(Secret, original);
            var body = Apply(original, input.Mutations);
            var verifier = new WebhookSignatureVerifier(Secret);

            // A mutation can undo itself (overwrite a byte with the same value); only a changed body must fail.
            return body.AsSpan().SequenceEqual(original)
                ? verifier.IsValid(body, signature)
                : !verifier.IsValid(body, signature) && Throws(verifier, body, signature);
        });

    private static bool Throws(WebhookSignatureVerifier verifier, byte[] body, string signature)
    {
        try
        {
            verifier.Verify(body, signature);
            return false;
        }
        catch (WebhookSignatureException)
        {
            return true;
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_seeds_themselves_parse_and_verify() =>
        Prop.ForAll(Gen.Choose(0, Seeds.Length - 1).ToArbitrary(), i =>
            WebhookParser.Parse(Seeds[i]).Events.Count > 0
            && new WebhookSignatureVerifier(Secret).IsValid(Seeds[i], WebhookSignature.Compute(Secret, Seeds[i])));
}
