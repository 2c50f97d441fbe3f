package io.chatstream.identity.signin.interfaces;

import io.chatstream.identity.registration.application.RegisteringAccount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the sign-in form (Spring Security handles its POST). Shows why the last attempt failed, that
 * an account was just made or that the user signed out, and links to registration while it is open.
 */
@Controller
public class LoginPage {

    private final RegisteringAccount registering;

    public LoginPage(RegisteringAccount registering) {
        this.registering = registering;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("registrationOpen", registering.isOpen());
        return "login";
    }
}
