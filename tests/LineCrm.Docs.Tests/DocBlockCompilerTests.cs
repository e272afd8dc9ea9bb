namespace LineCrm.Docs.Tests;

public sealed class DocBlockCompilerTests
{
    private static readonly DocBlockCompiler Compiler = new();

    [Fact]
    public void A_block_that_uses_the_packages_with_its_own_usings_compiles()
    {
        var block = Block("""
            using LineCrm.Messaging.Client;
            using LineCrm.Messaging.Messages;

            var client = new LineMessagingClient(new HttpClient(), new LineMessagingOptions { ChannelAccessToken = "t" });
            await client.PushMessageAsync("U4af4980629a1b2c3d4e5f60718293a4b", [new TextMessage("hi")]);
            """);

        Assert.Empty(Compiler.Errors(block, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_block_missing_a_LineCrm_using_fails_with_the_markdown_line_and_the_compilers_message()
    {
        var block = Block("""
            using LineCrm.Messaging.Client;

            var message = new TextMessage("hi");
            """, fenceLine: 40);

        var error = Assert.Single(Compiler.Errors(block, TestContext.Current.CancellationToken));

        // The fence is line 40, the block's first line 41, the faulty statement its third: line 43, column 19.
        Assert.StartsWith("docs/guide.md:43:19: CS0246: ", error, StringComparison.Ordinal);
        Assert.Contains("TextMessage", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_declared_twice_in_one_scope_is_reported()
    {
        var block = Block("""
            var userId = "a";
            foreach (var userId in new[] { "b" })
            {
                Console.WriteLine(userId);
            }
            """);

        Assert.Contains(Compiler.Errors(block, TestContext.Current.CancellationToken), e => e.Contains("CS0136", StringComparison.Ordinal));
    }

    [Fact]
    public void Type_declarations_alone_compile_as_a_library_and_ASP_NET_Core_is_referenced()
    {
        var block = Block("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            public static class Setup
            {
                public static IServiceCollection Add(IServiceCollection services) => services.AddLineMessaging(o => o.ChannelAccessToken = "t").Services;

                public static IResult Ok() => Results.Ok();
            }
            """);

        Assert.Empty(Compiler.Errors(block, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Test_support_code_is_not_referenced()
    {
        var block = Block("""
            var path = LineCrm.Testing.SharedData.Require("cel");
            """);

        Assert.Contains(Compiler.Errors(block, TestContext.Current.CancellationToken), e => e.Contains("CS0234", StringComparison.Ordinal));
    }

    private static CodeBlock Block(string code, int fenceLine = 1) => new("docs/guide.md", fenceLine, "csharp", code);
}
