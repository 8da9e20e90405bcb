namespace SpecialistRegistry.Auth;

/// <summary>
/// Marker for AuthText.resx / AuthText.zh-CN.resx: what ASP.NET Core Identity tells a person (a wrong old password,
/// a password too short, an e-mail already taken), through <see cref="LocalizedIdentityErrors"/>.
/// </summary>
public sealed class AuthText;
