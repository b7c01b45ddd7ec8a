import com.sellavie.local.LocalMailCatcher;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's mail catcher (GreenMail SMTP + a page and /api/mailboxes JSON of every mail, from
 * infra/local) as compose's mail catcher. It binds to loopback only, so the entrypoint forwards the
 * container's ports 1025 (SMTP) and 8025 (web) to it with socat.
 */
public final class MailCatcher {

    public static void main(String[] args) throws InterruptedException {
        LocalMailCatcher catcher = LocalMailCatcher.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        System.err.println("mail catcher: SMTP " + catcher.smtpPort() + ", web " + catcher.webUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(catcher::close));
        new CountDownLatch(1).await();
    }
}
