package com.labelmint.scenario;

import java.util.List;

/** The SMTP server the platform's e-mail goes through: what each address received. */
interface MailBox {

    /** The subjects of the e-mails to {@code address}, in no particular order. */
    List<String> subjectsTo(String address);
}
