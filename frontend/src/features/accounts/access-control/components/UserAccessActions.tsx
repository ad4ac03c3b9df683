import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Confirmation } from '@/components/Confirmation'
import { ProblemAlert } from '@/components/ProblemAlert'
import { type LockChange, useChangeUserLock } from '../api/useChangeUserLock'
import { useResetPassword } from '../api/useResetPassword'
import { fullNameOf, type User } from '../api/useUsers'
import type { UserOutcome } from './UserOutcome'

interface UserAccessActionsProps {
  user: User
  /** The administrator's own account: the server refuses to lock it, and a reset would end this session. */
  isSelf: boolean
  onChanged: (user: User) => void
  onOutcome: (outcome: UserOutcome) => void
}

/** Lock (confirmed), unlock, and a new temporary password (confirmed). */
export function UserAccessActions({ user, isSelf, onChanged, onOutcome }: UserAccessActionsProps) {
  const { t } = useTranslation()
  const lock = useChangeUserLock()
  const reset = useResetPassword()
  const [confirming, setConfirming] = useState<'lock' | 'reset' | null>(null)
  const lockButton = useRef<HTMLButtonElement>(null)
  const resetButton = useRef<HTMLButtonElement>(null)
  const name = fullNameOf(user)

  const ask = (question: 'lock' | 'reset') => {
    lock.reset()
    reset.reset()
    setConfirming(question)
  }
  const cancel = () => {
    const button = confirming === 'lock' ? lockButton : resetButton
    setConfirming(null)
    requestAnimationFrame(() => button.current?.focus())
  }
  const changeLock = (change: LockChange) =>
    lock.mutate(
      { id: user.id, change },
      {
        onSuccess: (saved) => {
          setConfirming(null)
          onChanged(saved)
          onOutcome({
            text: t(
              change === 'lock' ? 'admin.users.lockedMessage' : 'admin.users.unlockedMessage',
              {
                name,
              },
            ),
          })
        },
        onError: () => setConfirming(null),
      },
    )
  const resetPassword = () =>
    reset.mutate(user.id, {
      onSuccess: (answer) => {
        setConfirming(null)
        onOutcome({
          text: t('admin.users.passwordResetMessage', { name }),
          temporaryPassword: answer.temporary_password,
        })
      },
      onError: () => setConfirming(null),
    })

  return (
    <section aria-labelledby="user-access-title" className="mb-4">
      <h3 id="user-access-title" className="h5">
        {t('admin.users.accessTitle')}
      </h3>
      {isSelf ? (
        <p>{t('admin.users.ownAccount')}</p>
      ) : (
        <>
          {user.status === 'pending_identification' || user.status === 'rejected' ? (
            <p>{t('admin.users.statusAtCounter')}</p>
          ) : null}
          <div className="d-flex flex-wrap gap-3">
            {user.status === 'active' ? (
              <button
                type="button"
                ref={lockButton}
                className="btn btn-outline-danger"
                onClick={() => ask('lock')}
              >
                {t('admin.users.lock')}
              </button>
            ) : null}
            {user.status === 'locked' ? (
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={lock.isPending}
                onClick={() => changeLock('unlock')}
              >
                {lock.isPending ? t('admin.users.working') : t('admin.users.unlock')}
              </button>
            ) : null}
            <button
              type="button"
              ref={resetButton}
              className="btn btn-outline-primary"
              onClick={() => ask('reset')}
            >
              {t('admin.users.resetPassword')}
            </button>
          </div>
          {confirming === 'lock' ? (
            <Confirmation
              id="lock-question"
              question={t('admin.users.lockQuestion', { name })}
              explanation={t('admin.users.lockExplanation')}
              confirmLabel={t('admin.users.confirmLock')}
              cancelLabel={t('admin.users.cancel')}
              busy={lock.isPending}
              busyLabel={t('admin.users.working')}
              onConfirm={() => changeLock('lock')}
              onCancel={cancel}
            />
          ) : null}
          {confirming === 'reset' ? (
            <Confirmation
              id="reset-question"
              question={t('admin.users.resetQuestion', { name })}
              explanation={t('admin.users.resetExplanation')}
              confirmLabel={t('admin.users.confirmReset')}
              cancelLabel={t('admin.users.cancel')}
              busy={reset.isPending}
              busyLabel={t('admin.users.working')}
              onConfirm={resetPassword}
              onCancel={cancel}
            />
          ) : null}
          {lock.isError ? (
            <ProblemAlert error={lock.error} context={t('admin.users.actionFailed')} />
          ) : null}
          {reset.isError ? (
            <ProblemAlert error={reset.error} context={t('admin.users.actionFailed')} />
          ) : null}
        </>
      )}
    </section>
  )
}
