package io.chatstream.identity.registration.interfaces;

import io.chatstream.identity.registration.application.RegisteringAccount;
import io.chatstream.identity.registration.application.RegistrationOutcome;
import io.chatstream.identity.registration.domain.RegistrationProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /register}: the form, and its submission. A new account is sent to the sign-in page; a refusal shows the
 * form again with what to fix, as 400 (bad input) or 409 (username taken). Answers 404 while registration is closed.
 */
@Controller
@RequestMapping("/register")
public class RegistrationPage {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPage.class);

    private final RegisteringAccount registering;

    public RegistrationPage(RegisteringAccount registering) {
        this.registering = registering;
    }

    @GetMapping
    ModelAndView form() {
        requireOpen();
        return page("", List.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView register(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeatPassword) {
        requireOpen();
        RegistrationOutcome outcome = registering.register(username, password, repeatPassword);
        if (outcome instanceof RegistrationOutcome.Registered registered) {
            LOG.info("Registration: account {} created", registered.username());
            return new ModelAndView("redirect:/login?registered");
        }
        RegistrationOutcome.Refused refused = (RegistrationOutcome.Refused) outcome;
        HttpStatus status = refused.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        // The username only once it is known to be well-formed (no line breaks or markup in the log).
        LOG.info("Registration refused ({}){}: {}", status.value(),
                refused.isConflict() ? " for " + username : "", refused.problems());
        return page(username, refused.problems(), status);
    }

    private ModelAndView page(String username, List<RegistrationProblem> problems, HttpStatus status) {
        ModelAndView page = new ModelAndView("register", status);
        page.addObject("username", username);
        page.addObject("problems", RegistrationMessages.of(problems, registering.minPasswordLength()));
        page.addObject("minPasswordLength", registering.minPasswordLength());
        return page;
    }

    private void requireOpen() {
        if (!registering.isOpen()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
