using System.Net;
using Microsoft.AspNetCore.Identity;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Tests.Localization;

namespace SpecialistRegistry.Tests.Components.Account;

/// <summary>
/// The sign-in, account, error and not-found pages as a Chinese browser gets them (Accept-Language: zh-CN):
/// their own texts in Chinese, no English sentence left, validation and status messages included.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountPagesInChineseTests(RegistryWebFactory factory)
{
    private const string Password = "Correct-Horse-2026";

    public static TheoryData<string, HttpStatusCode, string> SignedOutPages => new()
    {
        { "/Account/Login", HttpStatusCode.OK, "账户由管理员创建。如忘记密码，请联系管理员重置。" },
        { "/Account/Lockout", HttpStatusCode.OK, "密码错误次数过多，此账户已被锁定 15 分钟。" },
        { "/Account/AccessDenied", HttpStatusCode.OK, "您的角色无权访问该页面。" },
        { "/Account/InvalidUser", HttpStatusCode.OK, "无效用户" },
        { "/no-such-page", HttpStatusCode.NotFound, "此地址下没有任何内容。" },
        { "/Error", HttpStatusCode.OK, "请求未能完成，失败的步骤未保存任何内容。" },
    };

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task A_signed_out_page_is_all_chinese(string path, HttpStatusCode status, string expected)
    {
        using var client = Chinese(factory.CreateBrowserlessClient());

        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        await AssertChineseAsync(response, expected);
    }

    [Fact]
    public async Task Every_my_account_page_is_all_chinese()
    {
        var email = NewEmail("manage");
        await factory.CreateUserAsync(email, Password, Roles.Admin);
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        });
        using var client = Chinese(await factory.SignedInClientAsync(email, Password));
        // Two-factor on, with two recovery codes left, after sign-in: set on the entity, which keeps the security stamp.
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
            foreach (var code in codes.Take(8))
                await users.RedeemTwoFactorRecoveryCodeAsync(user, code);
            user.TwoFactorEnabled = true;
            await users.UpdateAsync(user);
        });

        (string Path, string Expected)[] pages =
        [
            ("/Account/Manage", "个人资料"),
            ("/Account/Manage/ChangePassword", "确认密码"),
            ("/Account/Manage/TwoFactorAuthentication", "您还剩 2 个恢复代码。"),
            ("/Account/Manage/EnableAuthenticator", "用验证器应用扫描此二维码"),
            ("/Account/Manage/ResetAuthenticator", "重置身份验证器密钥后，身份验证器应用须重新配置才能使用。"),
            ("/Account/Manage/Disable2fa", "此操作仅停用双重身份验证。"),
            ("/Account/Manage/GenerateRecoveryCodes", "生成新的恢复代码不会更改身份验证器应用使用的密钥。"),
        ];
        foreach (var (path, expected) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            await AssertChineseAsync(response, expected, email);
        }
    }

    [Fact]
    public async Task The_two_factor_sign_in_pages_are_all_chinese()
    {
        var email = NewEmail("twofactor");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        await factory.UpdateUserAsync(email, async (users, user) =>
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        using var client = Chinese(factory.CreateBrowserlessClient());

        var signIn = await RegistryWebFactory.SignInAsync(client, email, Password);
        Assert.Contains("/Account/LoginWith2fa", signIn.Headers.Location!.OriginalString);

        await AssertChineseAsync(await client.GetAsync("/Account/LoginWith2fa"), "请在下方输入身份验证器显示的验证码。");
        await AssertChineseAsync(await client.GetAsync("/Account/LoginWithRecoveryCode"), "您正在使用恢复代码登录。");
    }

    [Fact]
    public async Task The_sign_in_forms_messages_are_chinese()
    {
        var email = NewEmail("messages");
        await factory.CreateUserAsync(email, Password, Roles.Regulator);
        using var client = Chinese(factory.CreateBrowserlessClient());

        var empty = await PostLoginAsync(client, "", "");
        await AssertChineseAsync(empty, "请输入电子邮箱。");
        Assert.Contains("请输入密码。", await TextOfAsync(empty));

        var malformed = await PostLoginAsync(client, "not-an-address", "x");
        Assert.Contains("请输入有效的电子邮箱地址。", await TextOfAsync(malformed));

        var wrong = await PostLoginAsync(client, email, "not-the-password");
        await AssertChineseAsync(wrong, "登录失败：电子邮箱或密码错误。连续输错 5 次后，账户将被锁定 15 分钟。", email);
        Assert.Contains("alert-danger", await TextOfAsync(wrong));
    }

    [Fact]
    public async Task Changing_a_password_speaks_chinese_from_validation_to_identitys_own_refusal()
    {
        var email = NewEmail("password");
        await factory.CreateUserAsync(email, Password, Roles.Admin);
        using var client = Chinese(await factory.SignedInClientAsync(email, Password));

        var invalid = await PostChangePasswordAsync(client, "", "short", "different");
        var page = await TextOfAsync(invalid);
        Assert.Contains("请输入当前密码。", page);
        Assert.Contains("新密码应为 12 至 100 个字符。", page);
        Assert.Contains("新密码与确认密码不一致。", page);
        await AssertChineseAsync(invalid, "修改密码", email);

        var refused = await PostChangePasswordAsync(client, "not-the-password", "Another-Password-2026", "Another-Password-2026");
        await AssertChineseAsync(refused, "错误：密码不正确。", email);
    }

    [Fact]
    public async Task A_status_carried_across_a_redirect_is_chinese_and_keeps_its_kind()
    {
        var email = NewEmail("status");
        await factory.CreateUserAsync(email, Password, Roles.Admin);
        using var client = Chinese(await factory.SignedInClientAsync(email, Password));

        var form = await client.GetStringAsync("/Account/Manage");
        var saved = await client.PostAsync("/Account/Manage", Form("profile", form, ("Input.PhoneNumber", "+86 10 1234 5678")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("""<div class="alert alert-success" role="alert">""", after);
        Assert.Contains("个人资料已更新", after);

        var badPhone = await client.PostAsync("/Account/Manage", Form("profile", after, ("Input.PhoneNumber", "call me")));
        Assert.Contains("电话号码格式无效。", await TextOfAsync(badPhone));

        // Two-factor is off: asking for recovery codes leads back with an error.
        var codes = await client.GetAsync("/Account/Manage/GenerateRecoveryCodes");
        Assert.Equal(HttpStatusCode.Redirect, codes.StatusCode);
        var back = WebUtility.HtmlDecode(await client.GetStringAsync(codes.Headers.Location!.OriginalString));
        Assert.Contains("""<div class="alert alert-danger" role="alert">""", back);
        Assert.Contains("错误：请先启用双重身份验证，再生成恢复代码。", back);
    }

    private static async Task AssertChineseAsync(HttpResponseMessage response, string expected, params string[] data)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        var readable = HtmlText.Readable(html);
        Assert.Contains(expected, readable);
        var latin = HtmlText.LatinRuns(readable, data);
        Assert.True(latin.Count == 0, $"{response.RequestMessage?.RequestUri?.AbsolutePath} shows Latin text: {string.Join(", ", latin)}");
    }

    /// <summary>The page with its character references decoded: Blazor writes Chinese as &amp;#x...; references.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));

    private static Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string old, string @new, string confirm) =>
        PostFormAsync(client, "/Account/Manage/ChangePassword", "change-password",
            ("Input.OldPassword", old), ("Input.NewPassword", @new), ("Input.ConfirmPassword", confirm));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, params (string, string)[] fields) =>
        await client.PostAsync(path, Form(handler, await client.GetStringAsync(path), fields));

    private static FormUrlEncodedContent Form(string handler, string page, params (string Name, string Value)[] fields) =>
        new(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(page),
        });

    private static HttpClient Chinese(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@test.registry";
}
